package dtad.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class AdamTest {

    /**
     * Minimises {@code sum((w - c)^2 * k)} from {@code w = [1, -2, 0.5]}; the expected weights were
     * computed once with {@code torch.optim.Adam} (PyTorch 1.13).
     */
    private static float[][] run(Adam adam, int steps) {
        float[][] out = new float[steps][];
        try (NDManager manager = TorchEngine.newManager()) {
            ParameterLayout.Builder builder = ParameterLayout.builder();
            builder.add("w", new ParameterLayout.Init.Constant(0), 3);
            ParameterLayout layout = builder.build();
            ParameterVector parameters = ParameterVector.of(manager, layout, new float[] {1f, -2f, 0.5f});
            parameters.recordGradients();
            NDArray w = parameters.tensors().get(0);
            NDArray c = manager.create(new float[] {0.3f, 0.1f, -0.4f});
            NDArray k = manager.create(new float[] {1f, 3f, 0.5f});
            Adam.State state = adam.start(parameters);
            TorchEngine.exclusively(() -> {
                try (GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                    for (int s = 0; s < steps; s++) {
                        try (NDManager step = manager.newSubManager()) {
                            NDArray loss = w.sub(c).square().mul(k).sum();
                            loss.attach(step);
                            collector.backward(loss);
                            state.step();
                            out[s] = w.toFloatArray();
                        }
                    }
                }
                return null;
            });
            assertEquals(steps, state.steps());
        }
        return out;
    }

    @Test
    void stepsMatchTorchOptimAdamWithL2WeightDecay() {
        float[][] w = run(Adam.of(0.1, 0.01), 3);
        assertArrayEquals(new float[] {0.8999999761581421f, -1.899999976158142f, 0.4000000059604645f}, w[0], 3e-7f);
        assertArrayEquals(new float[] {0.8006921410560608f, -1.800156831741333f, 0.30048176646232605f}, w[1], 3e-7f);
        assertArrayEquals(new float[] {0.7027339935302734f, -1.7005866765975952f, 0.20186668634414673f}, w[2], 3e-7f);
    }

    @Test
    void dteDefaultsMatchTorchOverFiveSteps() {
        float[][] w = run(Adam.of(1e-4, 5e-4), 5);
        assertArrayEquals(new float[] {0.9994999170303345f, -1.9994999170303345f, 0.4995000660419464f}, w[4], 1e-7f);
    }

    /**
     * A long tensor and a second tensor after it: every value follows torch's formula (written out here
     * element by element, in float as torch), and the gradient is zeroed after each step (it would
     * otherwise accumulate).
     */
    @Test
    void updatesEveryValueOfEveryTensorAndZeroesTheGradient() {
        int n = 5000;
        float[] start = new float[n + 3];
        float[] k = new float[n + 3];
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) Math.sin(i);
            k[i] = 1 + i % 7;
        }
        float lr = 0.01f;
        float decay = 0.01f;
        try (NDManager manager = TorchEngine.newManager()) {
            ParameterLayout.Builder builder = ParameterLayout.builder();
            builder.add("a", new ParameterLayout.Init.Constant(0), n);
            builder.add("b", new ParameterLayout.Init.Constant(0), 3);
            ParameterVector parameters = ParameterVector.of(manager, builder.build(), start);
            parameters.recordGradients();
            NDArray factors = manager.create(k);
            Adam.State state = Adam.of(lr, decay).start(parameters);
            float[] w = start.clone();
            float[] m = new float[w.length];
            float[] v = new float[w.length];
            TorchEngine.exclusively(() -> {
                try (GradientCollector collector = TorchEngine.engine().newGradientCollector()) {
                    for (int s = 1; s <= 3; s++) {
                        try (NDManager step = manager.newSubManager()) {
                            // loss = sum(k w^2): gradient 2 k w
                            NDArray all = parameters.tensors().get(0).concat(parameters.tensors().get(1));
                            NDArray loss = all.square().mul(factors).sum();
                            loss.attach(step);
                            collector.backward(loss);
                            state.step();
                        }
                        float stepSize = (float) (lr / (1 - Math.pow(0.9, s)));
                        float root = (float) Math.sqrt(1 - Math.pow(0.999, s));
                        for (int i = 0; i < w.length; i++) {
                            float g = 2 * k[i] * w[i] + decay * w[i];
                            m[i] = m[i] + (float) (1 - 0.9) * (g - m[i]);
                            v[i] = 0.999f * v[i] + (float) (1 - 0.999) * (g * g);
                            w[i] = w[i] - stepSize * (m[i] / ((float) Math.sqrt(v[i]) / root + 1e-8f));
                        }
                        assertArrayEquals(w, parameters.values(), 1e-6f, "step " + s);
                    }
                }
                return null;
            });
        }
    }

    @Test
    void refusesInvalidSettingsNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Adam.of(0, 0));
        assertEquals("Invalid learning rate: 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Adam.of(1e-3, -1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 0, 1, 0.999, 1e-8));
    }
}
