package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DJL stays out of what a user touches. Every public type of dtad-torch is either a building block (the
 * networks' parts that dte, recon and image share, public only because Java has no narrower visibility
 * across packages) or part of the user-facing surface: the detector records and their models,
 * {@link TorchMethods}, {@link TrainingSettings}, the settings and image types. Only building blocks may
 * name an {@code ai.djl} type in a public or protected signature; the list of them is exact, so a new
 * public type that leaks DJL, or a building block that no longer does, fails here until the list says so.
 */
class PublicSignaturesTest {
    /** The public types whose public or protected signatures name DJL types (see the package documentation). */
    private static final Set<String> BUILDING_BLOCKS = Set.of(
            "dtad.torch.Mlp", "dtad.torch.Network", "dtad.torch.Objective", "dtad.torch.Objective$Factory",
            "dtad.torch.ParameterVector", "dtad.torch.StepRandom", "dtad.torch.Tensors", "dtad.torch.TorchEngine",
            "dtad.torch.TrainedNetwork$Head",
            "dtad.torch.image.Conv2d", "dtad.torch.image.GroupNorm", "dtad.torch.image.ImageGrid",
            "dtad.torch.image.RandomCrops",
            "dtad.torch.recon.Denoiser");

    @Test
    void onlyTheBuildingBlocksNameDjlTypes() throws Exception {
        TreeMap<String, List<String>> leaks = new TreeMap<>();
        for (Class<?> type : publicTypes()) {
            List<String> found = djlSignatures(type);
            if (!found.isEmpty()) {
                leaks.put(type.getName(), found);
            }
        }
        assertEquals(new TreeSet<>(BUILDING_BLOCKS), leaks.navigableKeySet(), "public types with DJL in a signature: "
                + leaks);
    }

    @Test
    void theUserFacingTypesAreSeenAndClean() throws Exception {
        List<Class<?>> types = publicTypes();
        for (String name : List.of("dtad.torch.TorchMethods", "dtad.torch.TrainingSettings", "dtad.torch.NetworkModel",
                "dtad.torch.dte.CategoricalDTE", "dtad.torch.dte.CategoricalDTEModel", "dtad.torch.recon.DDPM",
                "dtad.torch.recon.ReconstructionModel", "dtad.torch.recon.ImageDiT", "dtad.torch.image.ImageSize")) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            assertTrue(types.contains(type), name + " not among the public types");
            assertEquals(List.of(), djlSignatures(type), name);
        }
    }

    /** Every public type of dtad-torch's main classes (nested ones only inside public ones). */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(TorchMethods.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            if (name.endsWith("package-info")) {
                continue;
            }
            // Not initialised: reading signatures must not start the engine.
            Class<?> type = Class.forName(name, false, PublicSignaturesTest.class.getClassLoader());
            if (isPublicType(type)) {
                out.add(type);
            }
        }
        assertTrue(out.size() > 20, "too few public types found: " + out);
        return out;
    }

    private static boolean isPublicType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** The public and protected signatures of {@code type} (its supertypes included) that name an {@code ai.djl} type. */
    private static List<String> djlSignatures(Class<?> type) {
        List<String> out = new ArrayList<>();
        List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        for (Type t : supertypes) {
            if (mentionsDjl(t)) {
                out.add("extends " + t.getTypeName());
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable e : executables) {
            if (!visible(e.getModifiers()) || e.isSynthetic()) {
                continue;
            }
            List<Type> mentioned = new ArrayList<>(List.of(e.getGenericParameterTypes()));
            mentioned.addAll(List.of(e.getGenericExceptionTypes()));
            if (e instanceof Method m) {
                mentioned.add(m.getGenericReturnType());
            }
            if (mentioned.stream().anyMatch(PublicSignaturesTest::mentionsDjl)) {
                out.add(e instanceof Constructor<?> ? e.toGenericString() : ((Method) e).toGenericString());
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && mentionsDjl(f.getGenericType())) {
                out.add(f.toGenericString());
            }
        }
        return out;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static boolean mentionsDjl(Type type) {
        return type.getTypeName().contains("ai.djl.");
    }
}
