package dtad.image;

import dtad.InputException;
import dtad.io.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The entry point for reading images from a path, chosen by what it is: a folder ({@link ImageFolderReader}),
 * a {@code .npy} or {@code .npz} array ({@link ImageArrayReader}), or an IDX image file
 * ({@link IdxReader}; a name with {@code idx} or {@code ubyte} in it, plain or {@code .gz}).
 */
public final class ImageSources {
    private ImageSources() {
    }

    /** Reads the images at {@code source}. */
    public static ImageSet read(Path source, ImageOptions options) {
        if (Files.isDirectory(source)) {
            return ImageFolderReader.read(source, options);
        }
        if (!Files.exists(source)) {
            throw new InputException(source + ": file or folder not found");
        }
        String name = source.getFileName() == null ? "" : source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy") || name.endsWith(".npz")) {
            return ImageArrayReader.read(source, options);
        }
        if (name.contains("idx") || name.contains("ubyte")) {
            return IdxReader.readImages(source, options);
        }
        if (ImageFiles.isImageName(source)) {
            throw new InputException(source + ": a single image; give the folder that holds the images");
        }
        int dot = name.lastIndexOf('.');
        throw new InputException(source + ": unsupported image source "
                + (dot <= 0 ? "(no extension)" : "'" + Messages.clip(name.substring(dot)) + "'")
                + "; supported: a folder of images (PNG, JPEG, BMP, GIF), .npy, .npz, IDX files (*-idx3-ubyte[.gz])");
    }
}
