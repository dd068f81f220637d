package dtad.cli;

import dtad.image.ImageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How fit and score read images: the size and channel conversions, and which paths are images at all. */
final class ImageInputOptions {
    @Option(names = "--size", paramLabel = "N",
            description = "Images: resize every image to N x N pixels (default: keep the size; all images must agree).")
    Integer size;

    @Option(names = "--channels", paramLabel = "1|3",
            description = "Images: convert to 1 (gray) or 3 (RGB) channels (default: keep them; all images must agree).")
    Integer channels;

    /**
     * Whether {@code path} holds images rather than a table: a folder (of images, class subfolders or an
     * MVTec-AD category), or an IDX image file (a name with {@code idx} or {@code ubyte} in it); also a missing
     * path without an extension, so that it is reported as a missing folder.
     */
    static boolean isImageSource(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        // A missing path without an extension was most likely meant as a folder: say "not found", not "no extension".
        return name.contains("idx") || name.contains("ubyte") || !Files.exists(path) && !name.contains(".");
    }

    ImageOptions toImageOptions() {
        ImageOptions options = ImageOptions.DEFAULT;
        if (size != null) {
            if (size < 1) {
                throw new IllegalArgumentException("Invalid --size " + size + " (a positive number of pixels)");
            }
            options = options.withSize(size);
        }
        if (channels != null) {
            if (channels != 1 && channels != 3) {
                throw new IllegalArgumentException("Invalid --channels " + channels + " (1 for gray, 3 for RGB)");
            }
            options = options.withChannels(channels);
        }
        return options;
    }

    /** Refuses the image options for a table, which has no pixels to convert. */
    void requireUnusedFor(Path table) {
        if (size != null || channels != null) {
            throw new IllegalArgumentException(table + ": --size and --channels apply to images (a folder or an IDX "
                    + "file), not to a table");
        }
    }
}
