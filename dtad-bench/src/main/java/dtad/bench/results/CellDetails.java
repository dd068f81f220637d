package dtad.bench.results;

/**
 * What a benchmark cell measured beyond its {@link ResultRow}, kept in {@value CellDetailsCsv#FILE} beside
 * {@code results.csv} under the same cell key: the pixel-level metrics of a detector with anomaly maps on test
 * images with defect masks, the peak memory of the worker process that ran the cell, and the CPU time the process
 * spent in the fit and in scoring (all its threads: on a machine shared with other work, CPU time stays near what
 * the cell costs while wall time grows with the load). A value that was not measured is NaN (an empty field).
 *
 * @param key           the cell ({@link ResultRow#key()})
 * @param pixelAucRoc   pixel-level AUC-ROC of the maps against the masks
 * @param pro           the per-region overlap up to a false-positive rate of 0.3, normalised to [0, 1]
 * @param defectRegions the connected defect regions the PRO averages over (0 when not measured)
 * @param peakRssMib    the peak resident set of the process that ran the cell ({@code VmHWM}), in MiB, when the
 *                      cell was the first the process ran (a fresh process: nothing else counted)
 * @param fitCpuSeconds   CPU time of the process (every thread) during the fit
 * @param scoreCpuSeconds CPU time of the process during the scoring of the test rows
 */
public record CellDetails(String key, double pixelAucRoc, double pro, int defectRegions, double peakRssMib,
                          double fitCpuSeconds, double scoreCpuSeconds) {

    /** Details with nothing measured. */
    public static CellDetails none(String key) {
        return new CellDetails(key, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN);
    }

    /** These details with the peak memory of the process. */
    public CellDetails withPeakRssMib(double mib) {
        return new CellDetails(key, pixelAucRoc, pro, defectRegions, mib, fitCpuSeconds, scoreCpuSeconds);
    }

    /** These details with the CPU times of the fit and the scoring. */
    public CellDetails withCpuSeconds(double fit, double score) {
        return new CellDetails(key, pixelAucRoc, pro, defectRegions, peakRssMib, fit, score);
    }

    /** These details with pixel-level metrics. */
    public CellDetails withPixels(double aucRoc, double perRegionOverlap, int regions) {
        return new CellDetails(key, aucRoc, perRegionOverlap, regions, peakRssMib, fitCpuSeconds, scoreCpuSeconds);
    }

    /** Whether anything was measured. */
    public boolean measured() {
        return !Double.isNaN(pixelAucRoc) || !Double.isNaN(peakRssMib) || !Double.isNaN(fitCpuSeconds);
    }
}
