package dtad.bench.runner;

import dtad.bench.protocol.Split;
import dtad.bench.protocol.TestImages;
import dtad.bench.report.ImageResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's image section from a benchmark's results folder: for each data set with defect masks, each method
 * whose cells kept anomaly maps ({@link CellMaps}) for the plan's first seed, its test scores and maps with the
 * test images and masks (read again from the data set).
 */
public final class ImageCellResults {
    /** Test images per detector that the report shows. */
    public static final int TOP_IMAGES = 3;

    private ImageCellResults() {
    }

    /** The image results of the plan's cells in {@code outDir}; empty when no cell kept maps. */
    public static List<ImageResults> of(BenchmarkPlan plan, Path outDir) {
        int seed = plan.seeds().get(0);
        List<ImageResults> out = new ArrayList<>();
        for (DatasetSource dataset : plan.datasets()) {
            Map<String, CellMaps.Stored> stored = new LinkedHashMap<>();
            for (MethodSpec method : plan.methods()) {
                CellMaps.read(outDir, dataset.name(), method.name(), seed).ifPresent(m -> stored.put(method.name(), m));
            }
            if (stored.isEmpty() || dataset.splitter() == null) {
                continue;
            }
            Split split = dataset.splitter().split(plan.setting(), seed);
            TestImages test = split.testImages();
            if (test == null) {
                continue;
            }
            String prefix = plan.datasets().size() > 1 ? dataset.name() + " " : "";
            stored.forEach((method, m) -> {
                if (m.scores().length == test.images().size()) {
                    out.add(new ImageResults(prefix + method, test.images(), m.scores(), m.maps(), test.masks()));
                }
            });
        }
        return out;
    }
}
