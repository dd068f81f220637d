package dtad.model;

import java.util.Map;

/**
 * The {@code manifest.json} of a model directory: what the model is, how it was made, and a checksum
 * for every payload file. Field names are the JSON keys.
 */
record Manifest(int formatVersion, String dtadVersion, String method, Map<String, String> parameters,
                int features, int trainingRows, Scaling scaling, String seed, String dataHash,
                String createdAt, Map<String, Payload> payloads) {

    /** The training rows' column means and scales (see {@link dtad.data.Standardizer}). */
    record Scaling(double[] mean, double[] scale) {
    }

    /** One payload file: its name in the directory, its size and SHA-256. */
    record Payload(String file, long bytes, String sha256) {
    }
}
