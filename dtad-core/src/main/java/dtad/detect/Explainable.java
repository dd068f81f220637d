package dtad.detect;

import dtad.data.Matrix;

/**
 * A fitted model that says which features made each row's score: one contribution per row and
 * feature (the columns of the training matrix). Every registered method's model implements it and
 * documents what its contributions are. Rows are given as for {@link DetectorModel#score} (the model
 * standardizes them itself). Deterministic, and safe to call from several threads at once.
 */
public interface Explainable {
    /** Per row of {@code rows}, one contribution per feature; larger means the feature raised the score more. */
    double[][] contributions(Matrix rows);

    /** One sentence for people: what a contribution is and how a row's contributions relate to its score. */
    String contributionMeaning();
}
