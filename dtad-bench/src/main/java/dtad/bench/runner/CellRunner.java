package dtad.bench.runner;

import dtad.bench.protocol.AdbenchProtocol;
import dtad.bench.protocol.Split;
import dtad.bench.protocol.TestImages;
import dtad.bench.results.CellDetails;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.data.Dataset;
import dtad.detect.Detector;
import dtad.detect.DetectorModel;
import dtad.detect.Progress;
import dtad.data.Matrix;
import dtad.metrics.PixelScores;
import dtad.metrics.RankingMetrics;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs cells one at a time: loads the data set and makes the protocol split (keeping the last of
 * each, since cells come data set by data set and seed by seed), fits the method on the training rows
 * and scores the test rows, timing exactly the fit and exactly the scoring with
 * {@link System#nanoTime()}. Any failure (of loading, splitting, fitting, scoring or the metrics)
 * becomes a {@code failed} row with its one-line cause; a failure is never turned into a number.
 *
 * <p>On test images with defect masks ({@link Split#testImages()}), a detector with anomaly maps
 * ({@link AnomalyMaps}) also gets its pixel-level AUC-ROC and PRO ({@link #details()}; the maps are computed after
 * the timed scoring, in a second pass, so they do not count in the score time), and, given a results folder, its
 * maps and scores are kept there for the report ({@link CellMaps}).
 *
 * <p>Not thread-safe: one instance per thread or process.
 */
final class CellRunner {
    /** Causes longer than this are cut, so that one row stays one readable line. */
    static final int MAX_ERROR_LENGTH = 1000;

    private DatasetSource loadedSource;
    private Dataset loaded;
    private RuntimeException loadFailure;
    private String splitKey;
    private Split split;
    private RuntimeException splitFailure;
    private final Path mapsDir;
    private CellDetails details;

    /** A runner that keeps no maps. */
    CellRunner() {
        this(null);
    }

    /** A runner that keeps the maps of image cells under {@code outDir} ({@link CellMaps}), or none if null. */
    CellRunner(Path outDir) {
        this.mapsDir = outDir;
    }

    /** The details of the last cell run: its pixel-level metrics, when it had maps and masks. */
    CellDetails details() {
        return details;
    }

    /** Runs one cell; {@code progress} hears the fit's progress. Never throws for a failing method. */
    ResultRow run(Cell cell, Progress progress) {
        details = CellDetails.none(cell.key());
        Split s;
        try {
            s = split(cell);
        } catch (RuntimeException e) {
            return failed(cell, null, e);
        }
        try {
            Detector<?> detector = cell.method().detector(cell.seed());
            double fitCpu = ProcessResources.cpuSeconds();
            long fitStart = System.nanoTime();
            DetectorModel fitted = detector.fit(s.train(), progress);
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            fitCpu = ProcessResources.cpuSeconds() - fitCpu;
            try (DetectorModel model = fitted) {
                double scoreCpu = ProcessResources.cpuSeconds();
                long scoreStart = System.nanoTime();
                double[] scores = model.score(s.test());
                double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
                details = details.withCpuSeconds(fitCpu, ProcessResources.cpuSeconds() - scoreCpu);
                double aucRoc = RankingMetrics.aucRoc(scores, s.testLabels());
                double averagePrecision = RankingMetrics.averagePrecision(scores, s.testLabels());
                double f1 = RankingMetrics.f1AtK(scores, s.testLabels());
                if (s.testImages() != null) {
                    measurePixels(cell, model, s, scores);
                }
                return new ResultRow(cell.dataset().name(), cell.method().name(), cell.setting().text(), cell.seed(),
                        aucRoc, averagePrecision, f1, fitSeconds, scoreSeconds, s.train().rows(), s.test().rows(),
                        s.train().columns(), ResultRow.Status.OK, "");
            }
        } catch (Exception | OutOfMemoryError | StackOverflowError | LinkageError | AssertionError e) {
            return failed(cell, s, e);
        }
    }

    private Split split(Cell cell) {
        if (cell.dataset().splitter() != null) {
            return ownSplit(cell);
        }
        if (cell.dataset() != loadedSource) {
            loadedSource = cell.dataset();
            loaded = null;
            loadFailure = null;
            splitKey = null;
            try {
                loaded = cell.dataset().load();
            } catch (RuntimeException e) {
                loadFailure = e;
            }
        }
        if (loadFailure != null) {
            throw loadFailure;
        }
        String key = cell.dataset().name() + "|" + cell.setting() + "|" + cell.seed();
        if (!key.equals(splitKey)) {
            splitKey = key;
            split = null;
            splitFailure = null;
            try {
                split = AdbenchProtocol.split(loaded, cell.setting(), cell.seed());
            } catch (RuntimeException e) {
                splitFailure = e;
            }
        }
        if (splitFailure != null) {
            throw splitFailure;
        }
        return split;
    }

    /** The split of a data set with its own protocol, kept for the next cell of the same data set and seed. */
    private Split ownSplit(Cell cell) {
        String key = cell.dataset().name() + "|" + cell.setting() + "|" + cell.seed();
        if (!key.equals(splitKey) || cell.dataset() != loadedSource) {
            loadedSource = cell.dataset();
            loaded = null;
            loadFailure = null;
            splitKey = key;
            split = null;
            splitFailure = null;
            try {
                split = cell.dataset().splitter().split(cell.setting(), cell.seed());
            } catch (RuntimeException e) {
                splitFailure = e;
            }
        }
        if (splitFailure != null) {
            throw splitFailure;
        }
        return split;
    }

    /** The pixel-level metrics of a model with maps on test images with masks (kept in {@link #details}). */
    private void measurePixels(Cell cell, DetectorModel model, Split s, double[] scores) throws java.io.IOException {
        TestImages test = s.testImages();
        Optional<Matrix> maps = AnomalyMaps.of(model, s.test(), test.images().shape());
        if (maps.isEmpty()) {
            return;
        }
        PixelScores pixels = PixelScores.of(maps.get(), test.masks(), test.images().shape().height(),
                test.images().shape().width());
        if (pixels.regions() > 0) {
            details = details.withPixels(pixels.aucRoc(), pixels.pro(), pixels.regions());
        }
        if (mapsDir != null) {
            CellMaps.write(mapsDir, cell, maps.get(), scores);
        }
    }

    /** A failed row: sizes when the split is known, no metric and no timing. */
    static ResultRow failed(Cell cell, Split split, Throwable cause) {
        return failed(cell, split, describe(cause));
    }

    /** A failed row with a one-line cause. */
    static ResultRow failed(Cell cell, Split split, String cause) {
        return new ResultRow(cell.dataset().name(), cell.method().name(), cell.setting().text(), cell.seed(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                split == null ? 0 : split.train().rows(), split == null ? 0 : split.test().rows(),
                split == null ? 0 : split.train().columns(), ResultRow.Status.FAILED, ResultsCsv.oneLine(cause));
    }

    /** The cause in one line: the exception's simple name and message. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null && cause.getCause() != null) {
            message = cause.getCause().toString();
        }
        String text = ResultsCsv.oneLine(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
