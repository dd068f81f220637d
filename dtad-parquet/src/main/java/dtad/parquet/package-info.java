/** Parquet data files for dtad: {@link dtad.parquet.ParquetFormat}, found by {@code dtad.io.DataFiles}. */
package dtad.parquet;
