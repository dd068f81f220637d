package dtad.classical;

import dtad.data.Matrix;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The reference for {@link OneClassSvmSolver} in the tests and the benchmark (dtad's own fits use the
 * dense solver): the one door to LIBSVM's Java port ({@code tw.edu.ntu.csie:libsvm}), which keeps global state: a
 * static print hook ({@code svm.svm_set_print_string_function}), which dtad sets to print nothing
 * (for every user of LIBSVM in the JVM, as there is no way to read it back), and a static
 * {@code java.util.Random} ({@code svm.rand}), used only for probability estimates and
 * cross-validation, which dtad never asks for. Training runs under one lock, so concurrent fits
 * (which LIBSVM does not promise to survive) run one after the other; they are otherwise independent
 * and deterministic.
 */
final class Libsvm {
    private static final Object LOCK = new Object();

    private Libsvm() {
    }

    /** The solution of a one-class problem: support vector indices (0-based, ascending), their coefficients, rho. */
    record Solution(int[] supportIndices, double[] coefficients, double rho) {
    }

    /**
     * Trains a one-class SVM with the RBF kernel {@code exp(-gamma ||x - y||^2)} and shrinking, as
     * scikit-learn's {@code OneClassSVM} does.
     */
    static Solution oneClass(Matrix x, double nu, double gamma, double tolerance, double cacheMb) {
        return oneClass(x, nu, gamma, tolerance, cacheMb, true);
    }

    /** As {@link #oneClass(Matrix, double, double, double, double)}, with shrinking on or off. */
    static Solution oneClass(Matrix x, double nu, double gamma, double tolerance, double cacheMb, boolean shrinking) {
        svm_problem problem = new svm_problem();
        problem.l = x.rows();
        problem.y = new double[x.rows()];
        problem.x = nodes(x);
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.ONE_CLASS;
        p.kernel_type = svm_parameter.RBF;
        p.degree = 3;
        p.gamma = gamma;
        p.coef0 = 0;
        p.nu = nu;
        p.cache_size = cacheMb;
        p.eps = tolerance;
        p.C = 1;
        p.p = 0.1;
        p.shrinking = shrinking ? 1 : 0;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        svm_model model;
        synchronized (LOCK) {
            svm.svm_set_print_string_function(text -> { });
            String problemText = svm.svm_check_parameter(problem, p);
            if (problemText != null) {
                throw new IllegalArgumentException("LIBSVM refused the parameters: " + problemText);
            }
            model = svm.svm_train(problem, p);
        }
        int[] indices = new int[model.l];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = model.sv_indices[i] - 1;
        }
        return new Solution(indices, model.sv_coef[0].clone(), model.rho[0]);
    }

    /** LIBSVM's sparse rows (1-based feature indices); zeros are left out, which changes no kernel value. */
    private static svm_node[][] nodes(Matrix x) {
        int d = x.columns();
        double[] v = x.values();
        svm_node[][] out = new svm_node[x.rows()][];
        for (int r = 0; r < out.length; r++) {
            int nonzero = 0;
            for (int j = 0; j < d; j++) {
                if (v[r * d + j] != 0) {
                    nonzero++;
                }
            }
            svm_node[] row = new svm_node[nonzero];
            for (int j = 0, k = 0; j < d; j++) {
                if (v[r * d + j] != 0) {
                    svm_node node = new svm_node();
                    node.index = j + 1;
                    node.value = v[r * d + j];
                    row[k++] = node;
                }
            }
            out[r] = row;
        }
        return out;
    }
}
