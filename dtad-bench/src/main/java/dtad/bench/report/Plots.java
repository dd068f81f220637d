package dtad.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a report, drawn with XChart: every method keeps its {@link Palette} colour and marker
 * in every plot, and every axis says what it measures and in which unit.
 */
final class Plots {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
    private static final Color MUTED = new Color(0x88, 0x88, 0x88);
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN
    };
    /** Times below this are drawn at it, so that a log axis can show them. */
    static final double MIN_SECONDS = 1e-4;

    static {
        Headless.ensure();
    }

    private final Palette palette;
    private final List<String> allMethods;

    /** {@code allMethods} fixes each method's marker, as the palette fixes its colour. */
    Plots(Palette palette, List<String> allMethods) {
        this.palette = palette;
        this.allMethods = allMethods;
    }

    /**
     * A horizontal box per method of its mean AUC (over seeds) across datasets, with every dataset as
     * a point; methods read top to bottom in their order. Drawn as XY series: XChart's own box chart
     * draws every box in fixed blue and red, and its category axis has no room for many long names.
     */
    Plot box(MetricSummary summary, String name) {
        SettingResults results = summary.results();
        List<String> methods = results.methods().stream().filter(m -> summary.coverage(m) > 0).toList();
        int width = 620;
        int height = rowsHeight(methods.size());
        XYChart chart = methodRows(width, height, methods);
        chart.setTitle(summary.metric().label() + " across datasets (" + results.setting() + ")");
        chart.setXAxisTitle(summary.metric().label() + " (%), mean over seeds");
        chart.getStyler().setMarkerSize(6);
        for (int i = 0; i < methods.size(); i++) {
            String method = methods.get(i);
            double[] values = results.datasets().stream().flatMap(d -> summary.value(d, method).stream())
                    .mapToDouble(MeanStd::mean).toArray();
            drawBox(chart, method, methods.size() - i, values);
        }
        return new Plot(name, summary.metric().label() + " across datasets",
                "Each box shows one method's " + summary.metric().label() + " (mean over seeds) across the "
                        + "datasets: quartiles, median (dark line) and whiskers to the furthest value within 1.5 "
                        + "interquartile ranges; each point is a dataset. Failed cells are left out.",
                width, height, Png.render(chart, width, height));
    }

    /** A horizontal bar per method of its average rank, best on top, each labelled with its value. */
    Plot averageRank(MetricSummary summary, String name) {
        SettingResults results = summary.results();
        List<String> methods = results.methods().stream().filter(m -> !Double.isNaN(summary.averageRank(m)))
                .sorted(Comparator.comparingDouble(summary::averageRank)).toList();
        int width = 620;
        int height = rowsHeight(methods.size());
        XYChart chart = methodRows(width, height, methods);
        chart.setTitle("Average " + summary.metric().label() + " rank (" + results.setting() + ", "
                + summary.rankedDatasets() + " datasets)");
        chart.setXAxisTitle("average rank (1 = best)");
        double most = Math.max(1, results.methods().size());
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(most * 1.08);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAnnotationTextFontColor(INK);
        for (int i = 0; i < methods.size(); i++) {
            String method = methods.get(i);
            double rank = summary.averageRank(method);
            double y = methods.size() - i;
            Color color = palette.color(method);
            horizontalBar(chart, method, rank, y, color);
            chart.addAnnotation(new AnnotationText(Text.rank(rank), rank + most * 0.045, y, false));
        }
        return new Plot(name, "Average rank",
                "Each method's " + summary.metric().label() + " rank averaged over the datasets (1 = best; ties "
                        + "share the average of their ranks; a failed or missing cell ranks last).",
                width, height, Png.render(chart, width, height));
    }

    /**
     * One line per method of a measure against the image side (pixels), a marker at each measured size; a
     * method's missing sizes (NaN) are left out of its line. {@code logY} draws the measure on a log axis.
     *
     * @param sides   the image sides, ascending
     * @param values  per method, one value per side (NaN: not measured)
     */
    Plot bySize(String name, String title, String yTitle, String caption, boolean logY, int[] sides,
                java.util.Map<String, double[]> values) {
        int width = 520;
        int height = 360;
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler());
        chart.setTitle(title);
        chart.setXAxisTitle("image side (pixels)");
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(8);
        legendBelow(chart, values.size());
        for (var entry : values.entrySet()) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < sides.length; i++) {
                double v = entry.getValue()[i];
                if (!Double.isNaN(v)) {
                    points.add(new double[] {sides[i], logY ? Math.max(v, MIN_SECONDS) : v});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(entry.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setLineColor(palette.color(entry.getKey()));
            series.setLineStyle(new BasicStroke(1.8f));
            scatter(series, entry.getKey());
        }
        return new Plot(name, title, caption, width, height, Png.render(chart, width, height));
    }

    /** A chart whose rows are methods, the first on top, named on the vertical axis. */
    static XYChart methodRows(int width, int height, List<String> methods) {
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setAxisTicksMarksVisible(false);
        chart.getStyler().setYAxisMin(0.4);
        chart.getStyler().setYAxisMax(methods.size() + 0.6);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> methodAt(methods, y));
        return chart;
    }

    /** Room for a row per method plus title and axis. */
    private static int rowsHeight(int rows) {
        return Math.max(300, 120 + 36 * rows);
    }

    private void drawBox(XYChart chart, String method, int y, double[] values) {
        BoxStats box = BoxStats.of(values);
        Color color = palette.color(method);
        double half = 0.3;
        XYSeries body = chart.addSeries(method + " box",
                new double[] {box.q1(), box.q3(), box.q3(), box.q1(), box.q1()},
                new double[] {y - half, y - half, y + half, y + half, y - half});
        body.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        body.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
        body.setLineColor(color);
        body.setLineStyle(new BasicStroke(1.5f));
        body.setMarker(SeriesMarkers.NONE);
        line(chart, method + " median", new double[] {box.median(), box.median()}, new double[] {y - half, y + half},
                color.darker(), 2.5f);
        line(chart, method + " low whisker", new double[] {box.q1(), box.lowWhisker(), box.lowWhisker(),
            box.lowWhisker()}, new double[] {y, y, y - half / 2, y + half / 2}, color, 1.3f);
        line(chart, method + " high whisker", new double[] {box.q3(), box.highWhisker(), box.highWhisker(),
            box.highWhisker()}, new double[] {y, y, y - half / 2, y + half / 2}, color, 1.3f);
        double[] ys = new double[values.length];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = y + jitter(i) * half * 0.8;
        }
        XYSeries points = chart.addSeries(method, values, ys);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        Color dark = color.darker();
        points.setMarkerColor(new Color(dark.getRed(), dark.getGreen(), dark.getBlue(), 190));
    }

    /** A horizontal bar from 0 to {@code value} at height {@code y} (xchart has no horizontal bar chart). */
    static void horizontalBar(XYChart chart, String name, double value, double y, Color color) {
        XYSeries bar = chart.addSeries(name, new double[] {0, value, value, 0, 0},
                new double[] {y - 0.32, y - 0.32, y + 0.32, y + 0.32, y - 0.32});
        bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        bar.setFillColor(color);
        bar.setLineColor(color);
        bar.setLineStyle(new BasicStroke(1f));
        bar.setMarker(SeriesMarkers.NONE);
    }

    static void line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    /** A fixed spread in [-1, 1] for the i-th point, so that equal values do not hide one another. */
    private static double jitter(int i) {
        return ((i * 0.618034) % 1.0) * 2 - 1;
    }

    /**
     * The tick label at y: the method drawn at an integer y (the first method on top), else an
     * invisible label. The invisible labels differ from one another (zero-width spaces, as many as y
     * allows) because XChart gives up ticks whose labels repeat.
     */
    private static String methodAt(List<String> methods, double y) {
        long row = Math.round(y);
        if (Math.abs(y - row) < 1e-9 && row >= 1 && row <= methods.size()) {
            return methods.get(methods.size() - (int) row);
        }
        return "\u200B".repeat(1 + (int) Math.round(Math.abs(y) * 8));
    }

    /** Mean AUC against mean fit or score time per dataset, one colour per method, log time axis. */
    Plot aucAgainstTime(MetricSummary summary, TimeSummary times, boolean fit, String name) {
        int width = 620;
        int height = 440;
        SettingResults results = summary.results();
        String what = fit ? "fit" : "score";
        XYChart chart = new XYChart(width, height);
        chart.setTitle(summary.metric().label() + " against " + what + " time (" + results.setting() + ")");
        chart.setXAxisTitle(what + " time per run (seconds, log scale)");
        chart.setYAxisTitle(summary.metric().label() + " (%)");
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.####");
        legendBelow(chart, results.methods().size());
        chart.getStyler().setMarkerSize(9);
        for (String method : results.methods()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (String dataset : results.datasets()) {
                OptionalDouble seconds = fit ? times.cellFit(dataset, method) : times.cellScore(dataset, method);
                if (seconds.isPresent() && summary.value(dataset, method).isPresent()) {
                    x.add(Math.max(MIN_SECONDS, seconds.getAsDouble()));
                    y.add(summary.value(dataset, method).orElseThrow().mean());
                }
            }
            if (!x.isEmpty()) {
                scatter(chart.addSeries(method, x, y), method);
            }
        }
        return new Plot(name, summary.metric().label() + " against " + what + " time",
                "One point per dataset and method: " + summary.metric().label() + " and " + what
                        + " time, both averaged over seeds. Times below 0.1 ms are drawn at 0.1 ms.",
                width, height, Png.render(chart, width, height));
    }

    /** Our mean AUC against the published mean per dataset, with the diagonal where they agree. */
    Plot oursAgainstPublished(Comparison comparison, String name) {
        int width = 600;
        int height = 520;
        XYChart chart = new XYChart(width, height);
        chart.setTitle("dtad against published AUC-ROC (" + comparison.setting() + ")");
        chart.setXAxisTitle("published AUC-ROC (%)");
        chart.setYAxisTitle("dtad AUC-ROC (%)");
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        legendBelow(chart, comparison.methods().size() + 1);
        double low = 100;
        for (Comparison.Entry e : comparison.entries()) {
            if (e.compared()) {
                low = Math.min(low, Math.min(e.ours().mean(), e.published().mean()));
            }
        }
        low = Math.max(0, Math.floor(low / 10) * 10);
        chart.getStyler().setXAxisMin(low);
        chart.getStyler().setXAxisMax(100.0);
        chart.getStyler().setYAxisMin(low);
        chart.getStyler().setYAxisMax(100.0);
        XYSeries diagonal = chart.addSeries("same AUC", new double[] {low, 100}, new double[] {low, 100});
        diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(MUTED);
        diagonal.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 4}, 0));
        for (String method : comparison.methods()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Comparison.Entry e : comparison.entries(method)) {
                if (e.compared()) {
                    x.add(e.published().mean());
                    y.add(e.ours().mean());
                }
            }
            if (!x.isEmpty()) {
                scatter(chart.addSeries(method, x, y), method);
            }
        }
        return new Plot(name, "dtad against published AUC-ROC",
                "One point per dataset and method: the published mean AUC-ROC and ours. Points on the dashed "
                        + "diagonal agree; above it dtad scores higher.",
                width, height, Png.render(chart, width, height));
    }

    /**
     * Puts a legend of few entries in one row under the plot, leaving the plot its full width; a
     * longer one stays in a column at the right.
     */
    private static void legendBelow(XYChart chart, int entries) {
        if (entries <= 6) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        }
    }

    private void scatter(XYSeries series, String method) {
        Color color = palette.color(method);
        series.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 210));
        series.setMarker(MARKERS[Math.max(0, allMethods.indexOf(method)) % MARKERS.length]);
    }

    /** The look shared by every plot: white background, light grid, readable sans-serif text. */
    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(INK);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xBB, 0xBB, 0xBB));
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(10);
        s.setChartPadding(12);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickMarksColor(MUTED);
        s.setAxisTicksLineVisible(false);
        s.setAxisTitlePadding(8);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
    }
}
