package dtad.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a model directory: what the model is, how it was made, and a checksum
 * for every payload file. Field names are the JSON keys. {@code featureNames} is optional: absent (null)
 * for data without column names and in files written before it existed.
 */
record Manifest(int formatVersion, String dtadVersion, String method, Map<String, String> parameters,
                int features, int trainingRows, Scaling scaling, String seed, String dataHash,
                String createdAt, Map<String, Payload> payloads,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<String> featureNames) {

    /** The training rows' column means and scales (see {@link dtad.data.Standardizer}). */
    record Scaling(double[] mean, double[] scale) {
    }

    /** One payload file: its name in the directory, its size and SHA-256. */
    record Payload(String file, long bytes, String sha256) {
    }
}
