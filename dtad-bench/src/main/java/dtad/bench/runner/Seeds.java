package dtad.bench.runner;

import dtad.bench.random.NumpyRandomState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses a list of protocol seeds: a range {@code 0-4}, a list {@code 0,2,3}, or both ({@code 0-2,7}). */
public final class Seeds {
    private Seeds() {
    }

    /** The seeds in the order given, without repeats; each must lie in {@code [0, 2^31 - 1]}. */
    public static List<Integer> parse(String text) {
        Set<Integer> seeds = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-', 1);
            if (dash > 0) {
                int from = seed(p.substring(0, dash), text);
                int to = seed(p.substring(dash + 1), text);
                if (to < from) {
                    throw new IllegalArgumentException("Invalid seed range '" + p + "': " + to + " < " + from);
                }
                for (long s = from; s <= to; s++) {
                    seeds.add((int) s);
                }
            } else {
                seeds.add(seed(p, text));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("No seed in '" + text + "'; use e.g. 0-4 or 0,2,3");
        }
        return new ArrayList<>(seeds);
    }

    private static int seed(String text, String whole) {
        try {
            int seed = Integer.parseInt(text.strip());
            if (seed < 0 || seed > NumpyRandomState.MAX_SEED) {
                throw new NumberFormatException();
            }
            return seed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid seeds '" + whole + "': '" + text.strip()
                    + "' is not a seed (a whole number >= 0); use e.g. 0-4 or 0,2,3");
        }
    }
}
