/**
 * Reading and writing the user's data files: NPY and NPZ (numpy's formats, as ADBench ships its data sets)
 * and CSV, into {@link dtad.data.Dataset}s, with every unusable file refused by a one-line
 * {@link dtad.InputException}. {@link dtad.io.DataFiles} is the entry point.
 */
package dtad.io;
