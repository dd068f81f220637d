package dtad.bench.report;

import java.util.List;

/**
 * What an explanation page shows about one row: its score and outlier probability, each feature's
 * contribution, value and standardized value, and, for a model with a posterior over diffusion time, the
 * row's posterior beside a typical one.
 *
 * @param method              the method's name, e.g. {@code KNN}
 * @param model               where the model came from (a directory), for the page's facts
 * @param data                the data file the row is from
 * @param row                 the row's 0-based index in the data file
 * @param id                  the row's identifier (from an id column), or {@code null}
 * @param score               the row's score
 * @param probability         the row's outlier probability
 * @param meaning             one sentence: what a contribution is
 * @param features            the feature names
 * @param contributions       one per feature
 * @param values              the row's raw value per feature
 * @param standardized        the row's value per feature in training standard deviations from the training mean
 * @param posteriorLabels     the outcomes of the posterior ({@code t0, t1, ...}), or {@code null} without one
 * @param posterior           the row's posterior, or {@code null}
 * @param typicalPosterior    the typical posterior to compare with, or {@code null}
 * @param typicalDescription  what the typical posterior is the mean of, or {@code null}
 */
public record RowExplanation(String method, String model, String data, int row, String id, double score,
                             double probability, String meaning, List<String> features, double[] contributions,
                             double[] values, double[] standardized, List<String> posteriorLabels, double[] posterior,
                             double[] typicalPosterior, String typicalDescription) {
    public RowExplanation {
        features = List.copyOf(features);
        int d = features.size();
        if (contributions.length != d || values.length != d || standardized.length != d) {
            throw new IllegalArgumentException(d + " features but " + contributions.length + " contributions, "
                    + values.length + " values and " + standardized.length + " standardized values");
        }
        if (posterior != null && (posteriorLabels == null || posterior.length != posteriorLabels.size()
                || typicalPosterior == null || typicalPosterior.length != posterior.length)) {
            throw new IllegalArgumentException("A posterior needs one label and one typical probability per outcome");
        }
        posteriorLabels = posteriorLabels == null ? null : List.copyOf(posteriorLabels);
    }
}
