package org.kindred.server.crisis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concept words of {@code crisis/concepts.txt} (finality, giving things away, means, saving
 * means, a time, a decision, self-harm acts, death, hopelessness, method research, first person,
 * past tense, other people, fiction) as a table the risk model's features look words up in, so
 * that it learns what a concept weighs rather than what one wording weighs. A concept word of 4+
 * letters matches every word it begins (a crude stem that works the same in all four languages),
 * a shorter one, or one written with a trailing {@code =} ("tire=": not "tired"), only itself.
 *
 * <p>Lookup hashes the word's prefixes as it reads them: at most {@link #MAX_LENGTH} probes per
 * word, no allocation. Immutable and thread-safe.
 */
final class RiskConcepts {
    static final String BUNDLED = "crisis/concepts.txt";
    static final int MAX_LENGTH = 16;
    private static final int MIN_PREFIX = 4;

    /** Concept names, bit {@code i} of a mask is {@code names[i]}. */
    final List<String> names;
    private final long[] keys;
    private final int[] masks;
    private final int mask;

    private RiskConcepts(List<String> names, Map<Long, Integer> entries) {
        this.names = List.copyOf(names);
        int size = Integer.highestOneBit(Math.max(16, entries.size() * 4) - 1) << 1;
        keys = new long[size];
        masks = new int[size];
        mask = size - 1;
        entries.forEach((k, m) -> {
            int at = slot(k);
            while (keys[at] != 0 && keys[at] != k) {
                at = (at + 1) & mask;
            }
            keys[at] = k;
            masks[at] |= m;
        });
    }

    static RiskConcepts loadBundled() {
        InputStream in = RiskConcepts.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException(BUNDLED + " missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code NAME: word word…} lines ({@code #} comments, blank lines skipped).
     *
     * @throws IllegalArgumentException on a line without a colon, more than 31 concepts, or a word
     *     that is not 1–16 lower-case letters or digits (a trailing {@code =}: the whole word only)
     */
    static RiskConcepts parse(List<String> lines) {
        List<String> names = new ArrayList<>();
        Map<Long, Integer> entries = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || names.size() == 31) {
                throw new IllegalArgumentException(BUNDLED + ":" + (n + 1) + " (expected: NAME: words…, at most 31 concepts)");
            }
            int bit = 1 << names.size();
            names.add(line.substring(0, colon).strip());
            for (String word : line.substring(colon + 1).strip().split("\\s+")) {
                boolean exact = word.endsWith("=");
                String w = exact ? word.substring(0, word.length() - 1) : word;
                if (!w.matches("[a-z0-9]{1," + MAX_LENGTH + "}")) {
                    throw new IllegalArgumentException(BUNDLED + ":" + (n + 1) + ": word '" + w
                            + "' (expected: 1-" + MAX_LENGTH + " lower-case letters or digits)");
                }
                int h = RiskFeatures.SEED;
                for (int i = 0; i < w.length(); i++) {
                    h = RiskFeatures.step(h, w.charAt(i));
                }
                entries.merge(key(h, w.length(), !exact && w.length() >= MIN_PREFIX), bit, (a, b) -> a | b);
            }
        }
        return new RiskConcepts(names, entries);
    }

    /**
     * The concepts of the word {@code s[start, end)}: a bit mask over {@link #names}.
     */
    int lookup(CharSequence s, int start, int end) {
        int len = end - start;
        int found = 0;
        int h = RiskFeatures.SEED;
        for (int l = 1; l <= Math.min(len, MAX_LENGTH); l++) {
            h = RiskFeatures.step(h, s.charAt(start + l - 1));
            if (l >= MIN_PREFIX) {
                found |= get(key(h, l, true));
            }
            if (l == len) {
                found |= get(key(h, l, false));
            }
        }
        return found;
    }

    /**
     * The mask bit of the concept {@code name}.
     *
     * @throws IllegalStateException if the concept is not in the file (expected: every concept
     *     {@link RiskFeatures} reads by name)
     */
    int bit(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException(BUNDLED + " has no concept '" + name + "' (expected: " + names + ")");
        }
        return 1 << i;
    }

    private int get(long k) {
        int at = slot(k);
        while (keys[at] != 0) {
            if (keys[at] == k) {
                return masks[at];
            }
            at = (at + 1) & mask;
        }
        return 0;
    }

    private int slot(long k) {
        long x = k * 0x9e37_79b9_7f4a_7c15L;
        return (int) (x >>> 40) & mask;
    }

    private static long key(int hash, int length, boolean prefix) {
        return ((long) hash << 32) | ((long) length << 1) | (prefix ? 1 : 0) | (1L << 20);
    }
}
