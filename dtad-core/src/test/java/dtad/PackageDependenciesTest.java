package dtad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.detect.DetectorModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of dtad-core's API, registry and model files, read from the compiled classes (a class file
 * names every class it uses, however the source wrote it: import, full name or a method's signature):
 * the API ({@code dtad.detect}) uses neither the registry ({@code dtad.method}) nor the model files
 * ({@code dtad.model}), and the registry does not use the model files. So {@code detect <- method <- model}:
 * a detector and its model are written against the API alone, and the file format is one implementation.
 */
class PackageDependenciesTest {

    @Test
    void theApiUsesNeitherTheRegistryNorTheModelFilesNorAnyDetector() throws IOException, URISyntaxException {
        assertEquals(List.of(), uses("dtad/detect", "dtad/method/", "dtad/model/", "dtad/classical/", "dtad/dte/"));
    }

    @Test
    void theRegistryDoesNotUseTheModelFiles() throws IOException, URISyntaxException {
        assertEquals(List.of(), uses("dtad/method", "dtad/model/"));
    }

    @Test
    void theCheckSeesAUseWhereThereIsOne() throws IOException, URISyntaxException {
        // The model files use both: proof that the scan reads real class files, not an empty folder.
        List<String> found = uses("dtad/model", "dtad/detect/", "dtad/method/");
        assertTrue(found.stream().anyMatch(u -> u.startsWith("dtad/model/ModelFiles.class uses dtad/detect/")), found.toString());
        assertTrue(found.stream().anyMatch(u -> u.startsWith("dtad/model/ModelFiles.class uses dtad/method/")), found.toString());
    }

    /** "Class uses package" for each class file of {@code pkg} (nested classes included) that names a class of one of {@code forbidden}. */
    private static List<String> uses(String pkg, String... forbidden) throws IOException, URISyntaxException {
        Path classes = Path.of(DetectorModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = classes.resolve(pkg);
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "too few class files in " + folder + ": " + files);
        for (Path file : files) {
            // Class names in the constant pool are modified UTF-8, which is plain ASCII for these names.
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String other : forbidden) {
                if (text.contains(other)) {
                    out.add(classes.relativize(file) + " uses " + other);
                }
            }
        }
        return out;
    }
}
