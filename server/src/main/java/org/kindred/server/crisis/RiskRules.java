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

    /** A signal of a {@code base} category next to a booster of a {@code when} category raises the level to {@code to}. */
    record Boost(Set<RiskCategory> when, Set<RiskCategory> base, RiskLevel to) {
    }

    final Normalizer normalizer;
    final Tokenizer tokenizer;
    final List<Boost> boosts;
    final int ruleCount;
    private final Map<String, RiskRule[]> byWord;
    private final Map<String, RiskRule[]> byPrefix;
    private final RiskRule[] byNumber;

    RiskRules(Normalizer normalizer, List<RiskRule> rules, List<Boost> boosts, Set<String> extraVocabulary) {
        this.normalizer = normalizer;
        this.boosts = List.copyOf(boosts);
        this.ruleCount = rules.size();
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
        this.byWord = freeze(words);
        this.byPrefix = freeze(prefixes);
        this.byNumber = numbers.toArray(NONE);
        this.tokenizer = new Tokenizer(vocabulary);
    }

    private static Map<String, RiskRule[]> freeze(Map<String, List<RiskRule>> m) {
        Map<String, RiskRule[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray(NONE)));
        return Map.copyOf(out);
    }

    /** Rules whose first element may accept this token (exact word, prefix bucket, number). */
    void candidates(Token t, List<RiskRule> out) {
        out.clear();
        if (t.number) {
            for (RiskRule r : byNumber) {
                out.add(r);
            }
        }
        RiskRule[] exact = byWord.get(t.text);
        if (exact != null) {
            for (RiskRule r : exact) {
                out.add(r);
            }
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
}
