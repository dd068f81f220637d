package dtad.bench.runner;

import dtad.bench.protocol.Setting;

/**
 * One unit of a benchmark: a method on a data set under a setting and seed.
 *
 * @param dataset the data set
 * @param method  the method and its parameters
 * @param setting semi or unsup
 * @param seed    the protocol seed (also the method's seed, see {@link MethodSpec})
 */
public record Cell(DatasetSource dataset, MethodSpec method, Setting setting, int seed) {
    /** The same identity as {@link dtad.bench.results.ResultRow#key()}. */
    public String key() {
        return dataset.name() + "|" + method.name() + "|" + setting.text() + "|" + seed;
    }

    @Override
    public String toString() {
        return dataset.name() + " / " + method.name() + " / " + setting.text() + " / seed " + seed;
    }
}
