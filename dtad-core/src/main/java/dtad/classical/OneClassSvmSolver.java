package dtad.classical;

import dtad.data.Matrix;
import java.util.logging.Logger;

/**
 * The one-class SVM dual, {@code min 1/2 a'Ka} subject to {@code 0 <= a_i <= 1} and
 * {@code sum a_i = nu n}, solved on dense rows by the SMO method of LIBSVM (Chang and Lin), whose
 * decisions it takes step for step: the same start (the first {@code floor(nu n)} coefficients at 1),
 * the second-order working-set selection of Fan, Chen and Lin (JMLR 6, 2005), the same shrinking
 * every {@code min(n, 1000)} iterations with one gradient reconstruction once the violation falls
 * below {@code 10 eps}, the same stopping rule (maximal violation below {@code eps}), the same offset
 * {@code rho} (mean gradient over free coefficients, else the middle of the bounds) and the same ties
 * (the last index wins). With {@link RbfKernelMatrix} computing every kernel entry as LIBSVM does, it
 * returns LIBSVM's support vectors, coefficients and {@code rho}; the tests hold it to LIBSVM's Java
 * port. Specialised to one class: every label is +1, both bounds are 1, the linear term is 0.
 */
final class OneClassSvmSolver {
    private static final Logger LOG = Logger.getLogger(OneClassSvmSolver.class.getName());
    private static final double TAU = 1e-12;
    /** Kernel rows of the starting gradient computed together (at most half the cache). */
    private static final int INITIAL_BATCH = 32;
    private static final byte LOWER = 0;
    private static final byte UPPER = 1;
    private static final byte FREE = 2;

    /** Support vector indices (ascending, into the training rows), their coefficients, rho, iterations. */
    record Solution(int[] supportIndices, double[] coefficients, double rho, int iterations) {
    }

    private final int n;
    private final double eps;
    private final boolean shrinking;
    private final RbfKernelMatrix kernel;
    private final double[] diagonal;
    private final double[] alpha;
    private final byte[] status;
    /** The gradient {@code K a}, valid on the active positions (on all after a reconstruction). */
    private final double[] gradient;
    /** The part of the gradient from coefficients at the upper bound, over all positions. */
    private final double[] gradientAtBound;
    /** The training row at each position. */
    private final int[] rowAt;
    private int active;
    private boolean unshrunk;

    private OneClassSvmSolver(Matrix x, double nu, double gamma, double eps, double cacheMb, boolean shrinking) {
        this.n = x.rows();
        this.eps = eps;
        this.shrinking = shrinking;
        this.kernel = new RbfKernelMatrix(x, gamma, (long) (cacheMb * (1 << 20)));
        this.diagonal = new double[n];
        this.alpha = new double[n];
        this.status = new byte[n];
        this.gradient = new double[n];
        this.gradientAtBound = new double[n];
        this.rowAt = new int[n];
        this.active = n;
        int atBound = (int) (nu * n);
        for (int i = 0; i < n; i++) {
            rowAt[i] = i;
            diagonal[i] = kernel.entry(i, i);
            alpha[i] = i < atBound ? 1 : 0;
        }
        if (atBound < n) {
            alpha[atBound] = nu * n - atBound;
        }
        for (int i = 0; i < n; i++) {
            updateStatus(i);
        }
    }

    /**
     * Solves the problem for {@code x} with the RBF kernel.
     *
     * @param cacheMb   the kernel-row cache in megabytes (speed only)
     * @param shrinking LIBSVM's shrinking heuristic (speed only, up to the tolerance)
     */
    static Solution solve(Matrix x, double nu, double gamma, double eps, double cacheMb, boolean shrinking) {
        if (x.rows() < 1) {
            throw new IllegalArgumentException("No rows to train a one-class SVM on");
        }
        return new OneClassSvmSolver(x, nu, gamma, eps, cacheMb, shrinking).run();
    }

    private Solution run() {
        initialiseGradient();
        long maxIterations = Math.max(10_000_000L, 100L * n);
        int iterations = 0;
        int untilShrinking = Math.min(n, 1000) + 1;
        int[] pair = new int[2];
        while (iterations < maxIterations) {
            if (--untilShrinking == 0) {
                untilShrinking = Math.min(n, 1000);
                if (shrinking) {
                    shrink();
                }
            }
            if (!selectWorkingSet(pair)) {
                // optimal on the active set: check again on all positions
                reconstructGradient();
                active = n;
                if (!selectWorkingSet(pair)) {
                    break;
                }
                untilShrinking = 1;
            }
            iterations++;
            step(pair[0], pair[1]);
        }
        if (iterations >= maxIterations) {
            if (active < n) {
                reconstructGradient();
                active = n;
            }
            LOG.warning("OCSVM: the solver stopped at its iteration limit (" + maxIterations + ") before the tolerance");
        }
        double rho = rho();
        int count = 0;
        double[] byRow = new double[n];
        for (int i = 0; i < n; i++) {
            byRow[rowAt[i]] = alpha[i];
        }
        for (double a : byRow) {
            if (a != 0) {
                count++;
            }
        }
        int[] indices = new int[count];
        double[] coefficients = new double[count];
        for (int r = 0, k = 0; r < n; r++) {
            if (byRow[r] != 0) {
                indices[k] = r;
                coefficients[k++] = byRow[r];
            }
        }
        return new Solution(indices, coefficients, rho, iterations);
    }

    /**
     * {@code G = K alpha} and its upper-bound part, summed over rows in position order as LIBSVM does;
     * the kernel rows are computed ahead in batches (in parallel), then added one by one.
     */
    private void initialiseGradient() {
        int batch = Math.max(2, Math.min(INITIAL_BATCH, kernel.rowsCached(n) / 2));
        int[] positions = new int[batch];
        int count = 0;
        for (int i = 0; i <= n; i++) {
            if (i < n && status[i] != LOWER) {
                positions[count++] = i;
            }
            if (count == batch || (i == n && count > 0)) {
                kernel.prepare(positions, count, n);
                for (int p = 0; p < count; p++) {
                    addToGradient(positions[p]);
                }
                count = 0;
            }
        }
    }

    private void addToGradient(int i) {
        float[] q = kernel.row(i, n);
        double a = alpha[i];
        for (int j = 0; j < n; j++) {
            gradient[j] += a * q[j];
        }
        if (status[i] == UPPER) {
            for (int j = 0; j < n; j++) {
                gradientAtBound[j] += q[j];
            }
        }
    }

    /**
     * The pair of WSS3: {@code i} maximises {@code -G_i} below the upper bound; {@code j}, above the
     * lower bound with {@code G_j > -G_i}, minimises {@code -(G_i - G_j)^2 / (K_ii + K_jj - 2 K_ij)}.
     * Returns false when the maximal violation is below {@code eps}.
     */
    private boolean selectWorkingSet(int[] pair) {
        double maxUp = Double.NEGATIVE_INFINITY;
        int i = -1;
        for (int t = 0; t < active; t++) {
            if (status[t] != UPPER && -gradient[t] >= maxUp) {
                maxUp = -gradient[t];
                i = t;
            }
        }
        float[] qi = i >= 0 ? kernel.row(i, active) : null;
        double maxLow = Double.NEGATIVE_INFINITY;
        double bestDecrease = Double.POSITIVE_INFINITY;
        int j = -1;
        for (int t = 0; t < active; t++) {
            if (status[t] == LOWER) {
                continue;
            }
            double g = gradient[t];
            if (g >= maxLow) {
                maxLow = g;
            }
            double violation = maxUp + g;
            if (violation > 0) {
                double curvature = diagonal[i] + diagonal[t] - 2.0 * qi[t];
                double decrease = -(violation * violation) / (curvature > 0 ? curvature : TAU);
                if (decrease <= bestDecrease) {
                    bestDecrease = decrease;
                    j = t;
                }
            }
        }
        if (maxUp + maxLow < eps) {
            return false;
        }
        pair[0] = i;
        pair[1] = j;
        return true;
    }

    /** Moves mass between {@code alpha_i} and {@code alpha_j} along the sum constraint, clipped to [0, 1]. */
    private void step(int i, int j) {
        float[] qi = kernel.row(i, active);
        float[] qj = kernel.row(j, active);
        double oldI = alpha[i];
        double oldJ = alpha[j];
        double curvature = diagonal[i] + diagonal[j] - 2 * qi[j];
        if (curvature <= 0) {
            curvature = TAU;
        }
        double delta = (gradient[i] - gradient[j]) / curvature;
        double sum = alpha[i] + alpha[j];
        alpha[i] -= delta;
        alpha[j] += delta;
        if (sum > 1) {
            if (alpha[i] > 1) {
                alpha[i] = 1;
                alpha[j] = sum - 1;
            }
        } else if (alpha[j] < 0) {
            alpha[j] = 0;
            alpha[i] = sum;
        }
        if (sum > 1) {
            if (alpha[j] > 1) {
                alpha[j] = 1;
                alpha[i] = sum - 1;
            }
        } else if (alpha[i] < 0) {
            alpha[i] = 0;
            alpha[j] = sum;
        }
        double changeI = alpha[i] - oldI;
        double changeJ = alpha[j] - oldJ;
        for (int k = 0; k < active; k++) {
            gradient[k] += qi[k] * changeI + qj[k] * changeJ;
        }
        boolean wasUpperI = status[i] == UPPER;
        boolean wasUpperJ = status[j] == UPPER;
        updateStatus(i);
        updateStatus(j);
        updateBoundGradient(i, wasUpperI);
        updateBoundGradient(j, wasUpperJ);
    }

    private void updateBoundGradient(int i, boolean wasUpper) {
        if (wasUpper == (status[i] == UPPER)) {
            return;
        }
        float[] q = kernel.row(i, n);
        if (wasUpper) {
            for (int k = 0; k < n; k++) {
                gradientAtBound[k] -= q[k];
            }
        } else {
            for (int k = 0; k < n; k++) {
                gradientAtBound[k] += q[k];
            }
        }
    }

    private void updateStatus(int i) {
        status[i] = alpha[i] >= 1 ? UPPER : alpha[i] <= 0 ? LOWER : FREE;
    }

    /** Restores the gradient of the inactive positions from the bound part and the free coefficients. */
    private void reconstructGradient() {
        if (active == n) {
            return;
        }
        for (int j = active; j < n; j++) {
            gradient[j] = gradientAtBound[j];
        }
        int free = 0;
        for (int j = 0; j < active; j++) {
            if (status[j] == FREE) {
                free++;
            }
        }
        // LIBSVM's choice between reading inactive rows and reading free rows (fewer kernel entries)
        if ((long) free * n > 2L * active * (n - active)) {
            for (int i = active; i < n; i++) {
                float[] q = kernel.row(i, active);
                for (int j = 0; j < active; j++) {
                    if (status[j] == FREE) {
                        gradient[i] += alpha[j] * q[j];
                    }
                }
            }
        } else {
            for (int i = 0; i < active; i++) {
                if (status[i] == FREE) {
                    float[] q = kernel.row(i, n);
                    double a = alpha[i];
                    for (int j = active; j < n; j++) {
                        gradient[j] += a * q[j];
                    }
                }
            }
        }
    }

    /**
     * Moves to the end the bounded positions that cannot enter a violating pair now, so that the next
     * iterations scan and compute only the active ones; once the violation is below {@code 10 eps}, first
     * reactivates everything once (LIBSVM's unshrink).
     */
    private void shrink() {
        double maxUp = Double.NEGATIVE_INFINITY;
        double maxLow = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < active; i++) {
            if (status[i] != UPPER && -gradient[i] >= maxUp) {
                maxUp = -gradient[i];
            }
            if (status[i] != LOWER && gradient[i] >= maxLow) {
                maxLow = gradient[i];
            }
        }
        if (!unshrunk && maxUp + maxLow <= eps * 10) {
            unshrunk = true;
            reconstructGradient();
            active = n;
        }
        for (int i = 0; i < active; i++) {
            if (shrinkable(i, maxUp, maxLow)) {
                active--;
                while (active > i) {
                    if (!shrinkable(active, maxUp, maxLow)) {
                        swap(i, active);
                        break;
                    }
                    active--;
                }
            }
        }
    }

    private boolean shrinkable(int i, double maxUp, double maxLow) {
        return switch (status[i]) {
            case UPPER -> -gradient[i] > maxUp;
            case LOWER -> gradient[i] > maxLow;
            default -> false;
        };
    }

    private void swap(int i, int j) {
        kernel.swap(i, j);
        swap(diagonal, i, j);
        swap(alpha, i, j);
        swap(gradient, i, j);
        swap(gradientAtBound, i, j);
        byte s = status[i];
        status[i] = status[j];
        status[j] = s;
        int r = rowAt[i];
        rowAt[i] = rowAt[j];
        rowAt[j] = r;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The offset: the mean gradient over free coefficients, else the middle of the feasible interval. */
    private double rho() {
        double upper = Double.POSITIVE_INFINITY;
        double lower = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        int free = 0;
        for (int i = 0; i < active; i++) {
            switch (status[i]) {
                case LOWER -> upper = Math.min(upper, gradient[i]);
                case UPPER -> lower = Math.max(lower, gradient[i]);
                default -> {
                    free++;
                    sumFree += gradient[i];
                }
            }
        }
        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }
}
