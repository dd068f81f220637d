package dtad.detect;

import dtad.data.Matrix;

/**
 * A model that scores by a discrete distribution per row (over diffusion times, or bins of them) and
 * can hand out that distribution.
 */
public interface PosteriorModel {
    /** The names of the distribution's outcomes, e.g. {@code "t0"}, {@code "t1"}, ... or bin names. */
    String[] posteriorLabels();

    /** One probability row per input row; each row sums to 1. */
    Matrix posterior(Matrix x);
}
