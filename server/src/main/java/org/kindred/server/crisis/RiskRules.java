package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * The compiled rule set: every rule indexed by the word (or prefix, or number) it starts with,
 * plus the boosts and the tokenizer built on the rules' vocabulary. Immutable, thread-safe.
 * Load it with {@link RiskRulesLoader}.
 */
final class RiskRules {
    private static final RiskRule[] NONE = new RiskRule[0];

    /**
     * A signal of a {@code base} category next to a booster of a {@code when} category raises the level to {@code to};
     * with {@code from} (or null: any level), only a signal of at least that level counts as the base (round 15:
     * a passive wish with a time, "hope i dont wake up tomorrow", is no plan).
     */
    record Boost(Set<RiskCategory> when, Set<RiskCategory> base, RiskLevel to, RiskLevel from) {
        Boost(Set<RiskCategory> when, Set<RiskCategory> base, RiskLevel to) {
            this(when, base, to, null);
        }
    }

    final Normalizer normalizer;
    final Tokenizer tokenizer;
    final List<Boost> boosts;
    final int ruleCount;
    /**
     * The rule set's version as logged: the count of compiled patterns and a CRC-32 of each rule's category,
     * level, kind, person and words, in load order ("1883-3fa2c1d0"): equal for equal bundles.
     */
    final String version;
    /** Canonical filler words ("like", "basically", "genre") read past by a second scan. */
    final Set<String> fillers;
    /** Concepts combined by proximity, or {@code null} (rules only). */
    final ConceptCombos combos;
    /** Rules by their first word; within it, by their second word when that one is required. */
    private final Map<String, Bucket> byWord;
    private final Map<String, RiskRule[]> byPrefix;
    private final RiskRule[] byNumber;

    RiskRules(Normalizer normalizer, List<RiskRule> rules, List<Boost> boosts, Set<String> extraVocabulary,
            Set<String> typoWords, MaskedWords masked, Set<String> fillers, ConceptCombos combos) {
        this.normalizer = normalizer;
        this.combos = combos;
        this.fillers = Set.copyOf(fillers);
        this.boosts = List.copyOf(boosts);
        this.ruleCount = rules.size();
        this.version = version(rules);
        Map<String, List<RiskRule>> words = new HashMap<>();
        Map<String, List<RiskRule>> prefixes = new HashMap<>();
        List<RiskRule> numbers = new ArrayList<>();
        java.util.Set<String> vocabulary = new java.util.HashSet<>(extraVocabulary);
        for (RiskRule r : rules) {
            PatternElement first = r.pattern().first();
            if (first.kind == PatternElement.Kind.NUMBER) {
                numbers.add(r);
            }
            for (String w : first.exact) {
                words.computeIfAbsent(w, k -> new ArrayList<>()).add(r);
            }
            for (String p : first.prefixes) {
                prefixes.computeIfAbsent(p.substring(0, 3), k -> new ArrayList<>()).add(r);
            }
            for (PatternElement e : r.pattern().elements) {
                vocabulary.addAll(e.exact);
                for (String p : e.prefixes) {
                    vocabulary.add(p);
                }
            }
        }
        Map<String, Bucket> buckets = new HashMap<>();
        words.forEach((w, list) -> buckets.put(w, Bucket.of(list)));
        this.byWord = Map.copyOf(buckets);
        this.byPrefix = freeze(prefixes);
        this.byNumber = numbers.toArray(NONE);
        this.tokenizer = new Tokenizer(vocabulary, typoWords, masked, normalizer);
    }

    private static Map<String, RiskRule[]> freeze(Map<String, List<RiskRule>> m) {
        Map<String, RiskRule[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray(NONE)));
        return Map.copyOf(out);
    }

    /**
     * Rules whose first element may accept token {@code i} (exact word, prefix bucket, number) and,
     * for rules indexed by their second word, whose second element accepts token {@code i + 1}.
     */
    void candidates(Token[] tokens, int i, List<RiskRule> out) {
        out.clear();
        Token t = tokens[i];
        if (t.number) {
            for (RiskRule r : byNumber) {
                out.add(r);
            }
        }
        Bucket exact = byWord.get(t.text);
        if (exact != null) {
            exact.candidates(i + 1 < tokens.length ? tokens[i + 1] : null, out);
        }
        if (t.text.length() >= 3) {
            RiskRule[] pre = byPrefix.get(t.text.substring(0, 3));
            if (pre != null) {
                for (RiskRule r : pre) {
                    if (r.pattern().first().accepts(t)) {
                        out.add(r);
                    }
                }
            }
        }
    }

    /**
     * The rules starting with one word. Common first words ("i", "me", "dont") start hundreds of
     * rules; most of them need a particular word right after it, so those are indexed by that
     * word and only the ones the next token can satisfy are tried.
     */
    private record Bucket(Map<String, RiskRule[]> bySecond, RiskRule[] rest) {
        static Bucket of(List<RiskRule> rules) {
            Map<String, List<RiskRule>> second = new HashMap<>();
            List<RiskRule> rest = new ArrayList<>();
            for (RiskRule r : rules) {
                PatternElement[] e = r.pattern().elements;
                boolean indexable = e.length > 1 && e[1].kind == PatternElement.Kind.WORD && !e[1].optional
                        && e[1].prefixes.length == 0 && !e[1].exact.isEmpty();
                if (indexable) {
                    for (String w : e[1].exact) {
                        second.computeIfAbsent(w, k -> new ArrayList<>()).add(r);
                    }
                } else {
                    rest.add(r);
                }
            }
            return new Bucket(freeze(second), rest.toArray(NONE));
        }

        /** Adds this bucket's rules that may match when {@code next} (null at the end) follows the first word. */
        void candidates(Token next, List<RiskRule> out) {
            for (RiskRule r : rest) {
                out.add(r);
            }
            RiskRule[] more = next == null ? null : bySecond.get(next.text);
            if (more != null) {
                for (RiskRule r : more) {
                    out.add(r);
                }
            }
        }
    }

    private static String version(List<RiskRule> rules) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (RiskRule r : rules) {
            StringBuilder b = new StringBuilder().append(r.category()).append(' ').append(r.level()).append(' ')
                    .append(r.kind()).append(' ').append(r.person());
            for (PatternElement e : r.pattern().elements) {
                b.append('|').append(e.kind).append(new java.util.TreeSet<>(e.exact)).append(java.util.Arrays.toString(e.prefixes));
            }
            crc.update(b.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return rules.size() + "-" + String.format("%08x", crc.getValue());
    }
}
