package dtad.bench.report;

/**
 * One drawn plot: a PNG at {@link Png#SCALE} times its nominal size.
 *
 * @param name    the file name without {@code .png}, unique within a report
 * @param title   a short title
 * @param caption what the plot shows, one or two sentences
 * @param width   nominal width in CSS pixels
 * @param height  nominal height in CSS pixels
 * @param png     the image
 */
record Plot(String name, String title, String caption, int width, int height, byte[] png) {

    String fileName() {
        return name + ".png";
    }
}
