package dtad.dte;

import dtad.data.Matrix;
import dtad.detect.Detector;
import dtad.detect.Progress;
import dtad.detect.TrainingData;
import dtad.diffusion.NoiseSchedule;
import dtad.method.Constraint;
import dtad.method.Family;
import dtad.method.Method;
import dtad.method.Parameter;
import dtad.method.ParameterTable;
import dtad.method.ParameterType;

/**
 * Non-parametric Diffusion Time Estimation (DTE-NP): how long a row would have to diffuse to look
 * like its neighbourhood in the training data. Under the variance-only noising
 * {@code x_t = x_0 + sigma_t eps} of the DDPM schedule ({@link NoiseSchedule#linear}: {@code steps}
 * steps, betas 1e-4 to 1e-2, {@code sigma2_t = 1 - alphaBar_t}), taking the training rows as the
 * possible clean points and keeping only the {@code k} nearest, the posterior over the step is an
 * inverse-gamma density in {@code sigma2_t} with shape {@code d/2 - 1} and scale {@code m/2}, where
 * {@code m} is the mean of the {@code k} smallest squared Euclidean distances from the row to the
 * training rows; it is normalised over {@code t = 0..steps-1} ({@link TimePosterior}).
 *
 * <p>Score ({@link Score}): by default the posterior mean of the step, {@code sum_t t p(t | x)}, a
 * real number in {@code [0, steps - 1]}; or the posterior mode {@code argmax_t p(t | x)}, an integer
 * step. Higher is more anomalous. The authors' repository has had both: one version of
 * {@code DTENonParametric.predict_score} takes the argmax, another {@code invgamma_p_t @ arange(T)},
 * the mean. The paper's published AUCs (semi-supervised ADBench table) are the mean's: on the 31
 * classical ADBench data sets, with the DTE protocol (seed 0), the mean reproduces every one within
 * {@code max(2 std, 2)} points (mean absolute difference 0.7), where the mode misses five of them by
 * 2 to 22 points. The mode saturates at {@code steps - 1} for every row whose neighbours are far
 * ({@code m / d} beyond the last variance, about 0.78), so distant normal rows and anomalies tie
 * there; the mean keeps them apart. A row at distance 0 from its {@code k} neighbours scores the
 * least possible (0 for the mode); rows farther from the training data score higher. Deterministic:
 * no random numbers are drawn.
 *
 * <p>Training rows: the reference ({@code DTENonParametric} in the authors' repository) simply
 * searches the training set for each scored row, as its train and test rows are disjoint; so does
 * {@link NonParametricDTEModel#score}. The model's own training scores (for thresholds) leave each
 * training row itself out, like KNN's, so that they look like the scores of unseen normal rows.
 * The posterior of every row is available through {@link NonParametricDTEModel#posterior}.
 *
 * <p>Reference: V. Livernoche, V. Jain, Y. Hezaveh, S. Ravanbakhsh, "On Diffusion Modeling for
 * Anomaly Detection", ICLR 2024, arXiv:2305.18593.
 *
 * @param k     the number of nearest training rows, at least 1 (fitting needs at least {@code k + 1} rows)
 * @param steps the number of diffusion steps T, at least 2
 * @param score which summary of the posterior over steps is the score
 */
public record NonParametricDTE(int k, int steps, Score score) implements Detector<NonParametricDTEModel> {
    /** {@code k}: the nearest training rows (the reference's 5). */
    public static final Parameter<NonParametricDTE, Integer> K = Parameter.of("k", ParameterType.INTEGER, 5,
            Constraint.atLeast(1), "number of nearest training rows", NonParametricDTE::k);
    /** {@code steps}: the diffusion steps T (the reference's 300). */
    public static final Parameter<NonParametricDTE, Integer> STEPS = Parameter.of("steps", ParameterType.INTEGER, 300,
            Constraint.atLeast(2), "diffusion steps T of the linear schedule", NonParametricDTE::steps);
    /** {@code score}: the posterior mean (the published figures) or mode. */
    public static final Parameter<NonParametricDTE, Score> SCORE = Parameter.of("score",
            ParameterType.choice(Score.class), Score.MEAN, Constraint.none(),
            "posterior mean of the step (the published figures) or posterior mode", NonParametricDTE::score);

    public static final Method<NonParametricDTE> METHOD = new Method<>("DTE-NP", Family.DIFFUSION_TIME,
            "non-parametric diffusion time estimation: inverse-gamma posterior of the diffusion step "
                    + "from the k nearest training rows",
            "Livernoche, Jain, Hezaveh and Ravanbakhsh, On Diffusion Modeling for Anomaly Detection, ICLR 2024, "
                    + "arXiv:2305.18593",
            ParameterTable.<NonParametricDTE>builder().add(K).add(STEPS).add(SCORE)
                    .build(v -> new NonParametricDTE(v.get(K), v.get(STEPS), v.get(SCORE))),
            NonParametricDTEModel::load);

    /** Which summary of the posterior over diffusion steps is the score. */
    public enum Score {
        /** The expected step, {@code sum_t t p(t | x)} (the published figures). */
        MEAN,
        /** The most probable step, {@code argmax_t p(t | x)} (the first, if tied). */
        MODE
    }

    public NonParametricDTE {
        K.require(k);
        STEPS.require(steps);
        SCORE.require(score);
    }

    /** The declared defaults (the reference's): 5 neighbours, 300 steps, the posterior mean. */
    public NonParametricDTE() {
        this(K.defaultValue(), STEPS.defaultValue(), SCORE.defaultValue());
    }

    @Override
    public String method() {
        return METHOD.name();
    }

    /** The noise schedule of the posterior. */
    public NoiseSchedule schedule() {
        return NoiseSchedule.linear(steps);
    }

    @Override
    public NonParametricDTEModel fit(Matrix train, Progress progress) {
        return NonParametricDTEModel.fit(this, TrainingData.of(train, k + 1, "k = " + k + " neighbours (parameter k; k + 1 rows)"));
    }
}
