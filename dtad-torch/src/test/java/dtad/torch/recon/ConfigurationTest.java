package dtad.torch.recon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.method.Methods;
import dtad.torch.TrainingSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    @Test
    void ddpmDefaultsAreTheReference() {
        DDPM d = DDPM.defaults();
        assertEquals(ReconstructionSettings.REFERENCE, d.reconstruction());
        assertEquals(ReconstructionSettings.REFERENCE, DiT.defaults().reconstruction(), "DiT starts as DDPM");
        assertEquals(ReconstructionSettings.REFERENCE.withStarts(List.of(50)),
                DDPM.METHOD.configure(Map.of("rec_t", "50")).reconstruction());
        assertEquals(new TrainingSettings(400, 64, 1e-4, 5e-4, 0, true), d.training());
        assertEquals(128, d.width());
        assertEquals(256, d.blockWidth());
        assertEquals(3, d.blocks());
        assertEquals(0.4, d.dropoutFirst());
        assertEquals(0.1, d.dropoutSecond());
        assertEquals(256, d.timeDim());
        assertTrue(d.earlyStop());
    }

    @Test
    void parametersParseFromTextAndFormatBack() {
        DDPM d = DDPM.METHOD.configure(Map.of("rec_t", "100", "full_path", "true", "drop_last", "false"));
        assertEquals(List.of(100), d.reconstruction().starts());
        assertEquals(List.of(10, 50, 250), DDPM.METHOD.configure(Map.of("rec_t", "10,50,250")).reconstruction()
                .starts());
        assertTrue(d.reconstruction().fullPath());
        assertEquals(false, d.training().dropLast());
        assertEquals(d, DDPM.METHOD.configure(DDPM.METHOD.format(d)));
        DiT t = DiT.METHOD.configure(Map.of("patch", "3", "depth", "2"));
        assertEquals(t, DiT.METHOD.configure(DiT.METHOD.format(t)));
        assertEquals(3, t.tokenizer(10).patch());
        assertEquals(1, DiT.defaults().tokenizer(6).patch());
        assertEquals("DDPM", Methods.find("DDPM").name());
        assertEquals("DiT", Methods.find("DiT").name());
    }

    @Test
    void refusesBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DDPM.METHOD.configure(Map.of("rec_t", "1001")));
        assertTrue(e.getMessage().contains("1001"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DDPM.METHOD.configure(Map.of("rec_t", "50,10,50")));
        assertEquals("DDPM: Invalid rec_t: 50,10,50 (repeated values)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DDPM.METHOD.configure(Map.of("batch", "1")));
        assertTrue(e.getMessage().contains("BatchNorm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DDPM.METHOD.configure(Map.of("dropout_first", "1")));
        assertTrue(e.getMessage().contains("dropout_first"), e.getMessage());
    }

    @Test
    void dropLastTrainsOnWholeBatchesUnlessThereIsOnlyAPartialOne() {
        TrainingSettings keep = new TrainingSettings(1, 64, 1e-3, 0, 0);
        assertEquals(200, keep.rowsPerEpoch(200));
        TrainingSettings drop = keep.withDropLast(true);
        assertEquals(192, drop.rowsPerEpoch(200));
        assertEquals(128, drop.rowsPerEpoch(128));
        assertEquals(40, drop.rowsPerEpoch(40), "fewer rows than a batch: one batch of all");
        assertTrue(drop.withEpochs(5).dropLast());
    }

    @Test
    void theTokenWidthIsCheckedAgainstTheHeadsOnceDeclared() {
        assertEquals("multiple of 2 heads", DiT.HIDDEN.constraint());
        IllegalArgumentException parsed = assertThrows(IllegalArgumentException.class,
                () -> DiT.METHOD.configure(Map.of("heads", "3")));
        assertEquals("DiT: Invalid hidden: 32 (must be a positive multiple of 6, 2 x heads)", parsed.getMessage());
        DiT d = DiT.defaults();
        IllegalArgumentException constructed = assertThrows(IllegalArgumentException.class, () -> new DiT(
                d.reconstruction(), d.patch(), d.tokens(), d.perToken(), d.finalNorm(), d.hidden(),
                d.depth(), 3, d.mlpRatio(), d.timeDim(), d.training(),
                d.earlyStop()));
        assertEquals("DiT: " + constructed.getMessage(), parsed.getMessage());
        // A bad number of heads is named as such, not as a width that no multiple fits.
        assertEquals("DiT: Invalid heads: 0 (at least 1)", assertThrows(IllegalArgumentException.class,
                () -> DiT.METHOD.configure(Map.of("heads", "0"))).getMessage());
        assertEquals("ImageDiT: Invalid hidden: 66 (must be a positive multiple of 4)", assertThrows(
                IllegalArgumentException.class, () -> ImageDiT.METHOD.configure(Map.of("hidden", "66"))).getMessage());
    }

    @Test
    void ddpmNarrowsTheSharedBatchKeyForBatchNorm() {
        assertEquals(">= 2 (BatchNorm needs 2 rows)", DDPM.METHOD.parameters().find(dtad.torch.NetworkParameters.BATCH)
                .orElseThrow().constraint());
        assertEquals(">= 1", DiT.METHOD.parameters().find(dtad.torch.NetworkParameters.BATCH).orElseThrow()
                .constraint());
        assertEquals("DDPM: Invalid batch: 1 (at least 2, BatchNorm needs 2 rows)", assertThrows(
                IllegalArgumentException.class, () -> DDPM.METHOD.configure(Map.of("batch", "1"))).getMessage());
        assertEquals(1, DiT.METHOD.configure(Map.of("batch", "1")).training().batchSize());
    }
}
