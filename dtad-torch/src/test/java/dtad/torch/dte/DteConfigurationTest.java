package dtad.torch.dte;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.method.Family;
import dtad.method.Methods;
import dtad.torch.TrainingSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DteConfigurationTest {

    @Test
    void defaultsAreTheReferenceHyperparametersButTheLossAndTheScore() {
        CategoricalDTE c = CategoricalDTE.defaults();
        assertEquals(400, c.steps());
        assertEquals(7, c.bins());
        assertEquals(CategoricalDTE.Loss.STANDARD, c.loss());
        assertEquals(List.of(256, 512, 256), c.hidden());
        assertEquals(0.5, c.dropout());
        assertEquals(new TrainingSettings(400, 64, 1e-4, 5e-4, 0), c.training());
        InverseGammaDTE ig = InverseGammaDTE.defaults();
        assertEquals(400, ig.steps());
        assertEquals(InverseGammaDTE.Score.BETA, ig.score());
        assertEquals(c.training(), ig.training());
        // Four members of 128-256-128 without dropout: about the reference MLP's arithmetic, and steadier.
        assertEquals(4, ig.members());
        assertEquals(List.of(128, 256, 128), ig.hidden());
        assertEquals(0.0, ig.dropout());
        assertEquals(c.hidden(), GaussianDTE.defaults().hidden());
    }

    @Test
    void methodsAreRegisteredAsDiffusionTimeMethods() {
        for (String name : new String[] {"DTE-C", "DTE-IG", "DTE-G"}) {
            assertEquals(name, Methods.find(name).name());
            assertEquals(Family.DIFFUSION_TIME, Methods.find(name).family());
        }
    }

    @Test
    void parametersParseFromTextAndFormatBack() {
        Map<String, String> texts = Map.of("hidden", "128, 128", "weight_decay", "0", "steps", "300",
                "score", "raw", "seed", "7", "epochs", "12");
        InverseGammaDTE ig = InverseGammaDTE.METHOD.configure(texts);
        assertEquals(List.of(128, 128), ig.hidden());
        assertEquals(300, ig.steps());
        assertEquals(InverseGammaDTE.Score.RAW, ig.score());
        assertEquals(new TrainingSettings(12, 64, 1e-4, 0, 7), ig.training());
        Map<String, String> formatted = InverseGammaDTE.METHOD.format(ig);
        assertEquals("128,128", formatted.get("hidden"));
        assertEquals(ig, InverseGammaDTE.METHOD.configure(formatted));
        assertEquals(CategoricalDTE.Loss.STANDARD, CategoricalDTE.METHOD.configure(Map.of("loss", "standard")).loss());
    }

    @Test
    void refusesBadValuesNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CategoricalDTE.METHOD.configure(Map.of("bins", "1"))).getMessage()
                .contains("Invalid bins: 1 (must be in 2..400)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CategoricalDTE.METHOD.configure(Map.of("hidden", "256,0"))).getMessage().contains("hidden"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianDTE.METHOD.configure(Map.of("dropout", "1"))).getMessage()
                .contains("Invalid dropout: 1.0 (must be in [0, 1))"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> InverseGammaDTE.METHOD.configure(Map.of("epochs", "0"))).getMessage()
                .contains("Invalid epochs: 0 (at least 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> InverseGammaDTE.METHOD.configure(Map.of("steps", "1"))).getMessage()
                .contains("Invalid steps: 1 (at least 2)"));
    }

    @Test
    void binsSplitTheDiffusionTimesEvenly() {
        long[] bins = CategoricalDTE.defaults().binOfTime();
        assertEquals(400, bins.length);
        assertEquals(0, bins[0]);
        assertEquals(0, bins[57]);
        assertEquals(1, bins[58]);
        assertEquals(6, bins[399]);
        long[] counts = new long[7];
        for (long b : bins) {
            counts[(int) b]++;
        }
        assertArrayEquals(new long[] {58, 57, 57, 57, 57, 57, 57}, counts);
    }

    @Test
    void binsAreCheckedAgainstTheConfiguredStepsByTheTableAndTheConstructorAlike() {
        assertEquals("2..steps", CategoricalDTE.BINS.constraint());
        IllegalArgumentException parsed = assertThrows(IllegalArgumentException.class,
                () -> CategoricalDTE.METHOD.configure(Map.of("steps", "7", "bins", "8")));
        assertEquals("DTE-C: Invalid bins: 8 (must be in 2..7)", parsed.getMessage());
        CategoricalDTE d = CategoricalDTE.defaults();
        IllegalArgumentException constructed = assertThrows(IllegalArgumentException.class,
                () -> new CategoricalDTE(7, 8, d.loss(), d.hidden(), d.dropout(), d.training()));
        assertEquals("DTE-C: " + constructed.getMessage(), parsed.getMessage());
        assertEquals(7, CategoricalDTE.builder().set(CategoricalDTE.STEPS, 7).set(CategoricalDTE.BINS, 7).build()
                .bins());
    }
}
