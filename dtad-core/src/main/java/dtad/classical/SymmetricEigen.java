package dtad.classical;

/**
 * The eigen-decomposition {@code A = V diag(lambda) V^T} of a real symmetric matrix: Householder
 * reduction to tridiagonal form (written row by row, so that large matrices stream through the
 * cache) followed by the implicit QL method with Wilkinson shifts (EISPACK's {@code tql2}, as in
 * JAMA's public-domain {@code EigenvalueDecomposition}). {@code O(d^3)}.
 *
 * <p>Eigenvalues come in ascending order with orthonormal eigenvectors; an eigenvalue's absolute
 * error is about {@code 1e-16} times the largest one in magnitude.
 */
final class SymmetricEigen {
    private final double[] values;
    /** Row {@code i} is the eigenvector of {@code values[i]}. */
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes the symmetric {@code n x n} matrix {@code a} (row-major; only read). */
    static SymmetricEigen of(double[] a, int n) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("Expected " + n + " x " + n + " values, got " + a.length);
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n, m[i], 0, n);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        // Row i of w is column i of the accumulated transformation: the eigenvectors end up as rows.
        double[][] w = tridiagonalize(m, d, e);
        if (n > 0) {
            diagonalize(w, d, e);
        }
        sort(d, w);
        return new SymmetricEigen(d, w);
    }

    /** The eigenvalues, ascending (a copy). */
    double[] values() {
        return values.clone();
    }

    /** The unit eigenvector of the {@code i}-th eigenvalue (a copy). */
    double[] vector(int i) {
        return vectors[i].clone();
    }

    /**
     * Householder reduction {@code Q^T A Q = T} to a tridiagonal {@code T} with diagonal {@code d} and
     * subdiagonal {@code e} ({@code e[i]} between rows {@code i - 1} and {@code i}, {@code e[0] = 0});
     * returns {@code Q^T}. Every loop runs along rows, so that large matrices stream through the cache.
     * {@code a} is overwritten.
     */
    private static double[][] tridiagonalize(double[][] a, double[] d, double[] e) {
        int n = d.length;
        double[][] reflectors = new double[Math.max(0, n - 2)][];
        double[] betas = new double[Math.max(0, n - 2)];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1;
            double[] row = a[k];
            d[k] = row[k];
            // The reflector is computed from the column scaled to a largest entry of 1, so that tiny
            // entries (a nearly zero variance) neither underflow to 0/0 nor overflow.
            double scale = 0;
            for (int i = 0; i < m; i++) {
                scale = Math.max(scale, Math.abs(row[k + 1 + i]));
            }
            if (scale == 0) {
                e[k + 1] = 0;
                continue;
            }
            double[] v = new double[m];
            double norm = 0;
            for (int i = 0; i < m; i++) {
                v[i] = row[k + 1 + i] / scale;
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            double x0 = v[0];
            double alpha = x0 > 0 ? -norm : norm;
            v[0] = x0 - alpha;
            double vv = norm * norm - x0 * x0 + v[0] * v[0];
            double beta = 2 / vv;
            e[k + 1] = alpha * scale;
            // p = beta B v on the trailing block B, then w = p - (beta / 2)(p.v) v and B -= v w^T + w v^T.
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                double[] b = a[k + 1 + i];
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += b[k + 1 + j] * v[j];
                }
                p[i] = beta * sum;
            }
            double pv = 0;
            for (int i = 0; i < m; i++) {
                pv += p[i] * v[i];
            }
            double half = beta / 2 * pv;
            for (int i = 0; i < m; i++) {
                p[i] -= half * v[i];
            }
            for (int i = 0; i < m; i++) {
                double[] b = a[k + 1 + i];
                double vi = v[i];
                double wi = p[i];
                for (int j = 0; j < m; j++) {
                    b[k + 1 + j] -= vi * p[j] + wi * v[j];
                }
            }
            reflectors[k] = v;
            betas[k] = beta;
        }
        if (n >= 2) {
            d[n - 2] = a[n - 2][n - 2];
            e[n - 1] = a[n - 1][n - 2];
        }
        if (n >= 1) {
            d[n - 1] = a[n - 1][n - 1];
            e[0] = 0;
        }
        // Q = H_0 H_1 ... H_{n-3}, applied to the identity from the last reflector back.
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int k = n - 3; k >= 0; k--) {
            double[] v = reflectors[k];
            if (v == null) {
                continue;
            }
            int m = v.length;
            double[] u = new double[m];
            for (int i = 0; i < m; i++) {
                double[] row = q[k + 1 + i];
                double vi = v[i];
                for (int j = 0; j < m; j++) {
                    u[j] += vi * row[k + 1 + j];
                }
            }
            for (int i = 0; i < m; i++) {
                double[] row = q[k + 1 + i];
                double scaled = betas[k] * v[i];
                for (int j = 0; j < m; j++) {
                    row[k + 1 + j] -= scaled * u[j];
                }
            }
        }
        double[][] transposed = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                transposed[j][i] = q[i][j];
            }
        }
        return transposed;
    }

    /** Implicit QL iterations on the tridiagonal {@code d}, {@code e} (EISPACK tql2); {@code w} rows are vectors. */
    private static void diagonalize(double[][] w, double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
        double f = 0;
        double tst1 = 0;
        double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > eps * tst1) {
                m++;
            }
            if (m > l) {
                int iterations = 0;
                do {
                    if (++iterations > 1000) {
                        throw new IllegalStateException("The eigen-decomposition did not converge");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = Math.hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        double[] wi = w[i];
                        double[] wi1 = w[i + 1];
                        for (int k = 0; k < n; k++) {
                            h = wi1[k];
                            wi1[k] = s * wi[k] + c * h;
                            wi[k] = c * wi[k] - s * h;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
    }

    /** Sorts eigenvalues ascending, moving their vectors along. */
    private static void sort(double[] d, double[][] w) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[k]) {
                    k = j;
                }
            }
            if (k != i) {
                double t = d[k];
                d[k] = d[i];
                d[i] = t;
                double[] row = w[k];
                w[k] = w[i];
                w[i] = row;
            }
        }
    }
}
