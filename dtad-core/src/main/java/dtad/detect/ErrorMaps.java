package dtad.detect;

import dtad.data.Matrix;

/**
 * A fitted model whose score is made of an error per value of the row, which says where in the row the anomaly
 * is: the squared reconstruction error (ImageDDPM, ImageDiT) or the squared difference to the nearest training
 * rows (DTE-NP). For images these errors, averaged over the channels and smoothed, are the per-pixel anomaly map
 * ({@code dtad score --maps}, the pixel-level metrics of {@code dtad bench}). A model's class comment says what its
 * errors are and how they relate to its score.
 */
public interface ErrorMaps {
    /** The non-negative error of every value of every row ({@code [rows, features]}; raw rows, scaled inside). */
    Matrix squaredErrors(Matrix rows);
}
