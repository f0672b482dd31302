package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code crisis/risk-rules.yaml} and the language files it lists from the classpath and
 * compiles them. Every error names the file, the entry and what was expected.
 */
final class RiskRulesLoader {
    static final String INDEX = "crisis/risk-rules.yaml";
    private static final String DIR = "crisis/rules/";
    private static final Logger LOG = LoggerFactory.getLogger(RiskRulesLoader.class);

    @JsonIgnoreProperties(ignoreUnknown = false)
    record IndexFile(String origin, List<String> files, List<BoostEntry> boosts, List<String> typoWords,
            List<String> maskWords) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record BoostEntry(List<String> when, List<String> base, String to, String from) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record LanguageFile(String language, String origin, ContextEntry context, Map<String, List<String>> classes,
            List<String> ignore, List<String> recovery, List<String> fillers, List<Group> rules, List<CapEntry> caps) {
    }

    /** A context that holds signals in the rest of its clause to {@code level} ({@link LevelCaps}). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record CapEntry(String level, List<String> patterns) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ContextEntry(List<String> negators, List<String> breakers, List<String> clauseWords,
            List<String> subjects, List<String> firstPerson, List<String> thirdPerson, List<String> fiction,
            List<String> pairedNegators, List<String> negationPartners, List<String> auxiliaries,
            List<String> participleEndings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Group(String category, String level, Boolean boost, String person, Boolean localeOnly,
            List<String> patterns) {
    }

    private RiskRulesLoader() {
    }

    static RiskRules loadBundled(Normalizer normalizer) {
        return loadBundled(normalizer, true);
    }

    /** The bundled rules, with or without the concept combinations (the latter to measure what they add). */
    static RiskRules loadBundled(Normalizer normalizer, boolean withCombos) {
        IndexFile index = read(INDEX, IndexFile.class);
        if (index.files() == null || index.files().isEmpty()) {
            throw new IllegalArgumentException(INDEX + ": no files (expected: files: [en.yaml, ...])");
        }
        Map<String, LanguageFile> files = new LinkedHashMap<>();
        for (String f : index.files()) {
            LanguageFile lf = read(DIR + f, LanguageFile.class);
            if (lf.origin() == null || lf.origin().isBlank()) {
                throw new IllegalArgumentException(DIR + f + ": no origin (expected: origin: where the rules come from)");
            }
            files.put(DIR + f, lf);
        }
        PatternParser words = new PatternParser(normalizer, Map.of());
        Set<String> spellings = spellings(normalizer, index.typoWords(), "typoWords");
        spellings.addAll(spellings(normalizer, index.maskWords(), "maskWords"));
        return compile(normalizer, files, boosts(index), set(words, index.typoWords(), INDEX, "typoWords"),
                new MaskedWords(spellings, MaskedForms.loadBundled(normalizer)), withCombos);
    }

    static RiskRules compile(Normalizer normalizer, Map<String, LanguageFile> files, List<RiskRules.Boost> boosts) {
        return compile(normalizer, files, boosts, Set.of(), new MaskedWords(Set.of()), false);
    }

    /**
     * Words of the index as spelled after normalising (lower case, no accents, double letters kept:
     * what {@link MaskedWords} compares a masked spelling with).
     *
     * @throws IllegalArgumentException naming the field when an entry is not one word of letters
     */
    static Set<String> spellings(Normalizer normalizer, List<String> raw, String field) {
        Set<String> out = new HashSet<>();
        for (String w : raw == null ? List.<String>of() : raw) {
            String norm = normalizer.normalize(w).text();
            if (norm.isEmpty() || !norm.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException(INDEX + " " + field + ": '" + w + "' (expected: a single word of letters)");
            }
            out.add(norm);
        }
        return out;
    }

    /** @param withCombos whether to add the bundled concept combinations ({@link ConceptCombos}) */
    static RiskRules compile(Normalizer normalizer, Map<String, LanguageFile> files, List<RiskRules.Boost> boosts,
            Set<String> typoWords, MaskedWords masked, boolean withCombos) {
        PatternParser words = new PatternParser(normalizer, Map.of());
        Set<String> fillers = new HashSet<>();
        Map<String, LanguageContext> contexts = new LinkedHashMap<>();
        for (Map.Entry<String, LanguageFile> e : files.entrySet()) {
            if (e.getValue().context() != null) {
                contexts.put(e.getKey(), context(words, e.getValue().context(), e.getKey()));
            }
        }
        LanguageContext union = LanguageContext.union(contexts.values());
        List<RiskRule> rules = new ArrayList<>();
        for (Map.Entry<String, LanguageFile> e : files.entrySet()) {
            String where = e.getKey();
            LanguageFile lf = e.getValue();
            String language = lf.language() == null ? "" : lf.language().trim().toLowerCase(Locale.ROOT);
            if (!language.equals("*") && !language.matches("[a-z]{2}")) {
                throw new IllegalArgumentException(where + ": language '" + lf.language() + "' (expected: ISO 639-1 or *)");
            }
            LanguageContext ctx = contexts.getOrDefault(where, union);
            PatternParser parser = new PatternParser(normalizer, classes(words, lf.classes(), where));
            for (String ignore : lf.ignore() == null ? List.<String>of() : lf.ignore()) {
                for (PhrasePattern p : parser.parse(ignore, where + " ignore")) {
                    rules.add(new RiskRule(null, null, RiskRule.Kind.IGNORE, RiskRule.Person.ANY, p, language, false, ctx));
                }
            }
            for (String recovery : lf.recovery() == null ? List.<String>of() : lf.recovery()) {
                for (PhrasePattern p : parser.parse(recovery, where + " recovery")) {
                    rules.add(new RiskRule(null, null, RiskRule.Kind.RECOVERY, RiskRule.Person.ANY, p, language, false, ctx));
                }
            }
            rules.addAll(LevelCaps.compile(parser, lf.caps(), where, language, ctx));
            fillers.addAll(set(words, lf.fillers(), where, "fillers"));
            int n = 0;
            for (Group g : lf.rules() == null ? List.<Group>of() : lf.rules()) {
                n++;
                rules.addAll(group(parser, g, where + " rules[" + n + "]", language, ctx));
            }
        }
        ConceptCombos combos = withCombos ? ConceptCombosLoader.loadBundled(normalizer, union) : null;
        RiskRules compiled = new RiskRules(normalizer, rules, boosts, union.words(), typoWords, masked, fillers,
                combos);
        if (combos != null) {
            // one event per load, not one line per entry: the bundled file's known ones are pinned in
            // ConceptWordCheckTest, and sixteen lines at every start-up drowned the server's own events
            List<String> dead = ConceptWordCheck.unreadable(combos, compiled.tokenizer, normalizer);
            if (!dead.isEmpty()) {
                LOG.warn("{}: {} concept entries never match (expected: each word as a message gives it): {}",
                        ConceptCombosLoader.BUNDLED, dead.size(), String.join("; ", dead));
            }
        }
        return compiled;
    }

    private static List<RiskRule> group(PatternParser parser, Group g, String where, String language,
            LanguageContext ctx) {
        RiskCategory category = RiskCategory.parse(g.category(), where);
        boolean boost = Boolean.TRUE.equals(g.boost());
        RiskLevel level = null;
        if (boost) {
            if (g.level() != null) {
                throw new IllegalArgumentException(where + ": a booster has no level (expected: boost: true without level)");
            }
        } else {
            level = level(g.level(), where);
            if (category == RiskCategory.THIRD_PARTY && level != RiskLevel.CONCERN) {
                throw new IllegalArgumentException(where + ": third_party at " + g.level() + " (expected: concern)");
            }
        }
        if (g.patterns() == null || g.patterns().isEmpty()) {
            throw new IllegalArgumentException(where + ": no patterns (expected: patterns: [...])");
        }
        RiskRule.Person declared = person(g.person(), where);
        List<RiskRule> out = new ArrayList<>();
        for (String source : g.patterns()) {
            for (PhrasePattern p : parser.parse(source, where)) {
                RiskRule.Person person = declared != null ? declared
                        : category == RiskCategory.THIRD_PARTY ? RiskRule.Person.THIRD
                        : firstPerson(p, ctx) ? RiskRule.Person.SELF : RiskRule.Person.ANY;
                out.add(new RiskRule(category, level, boost ? RiskRule.Kind.BOOSTER : RiskRule.Kind.SIGNAL, person, p,
                        language, Boolean.TRUE.equals(g.localeOnly()), ctx));
            }
        }
        return out;
    }

    /** A pattern is the writer's own when a required word of it is a first-person word. */
    private static boolean firstPerson(PhrasePattern p, LanguageContext ctx) {
        for (PatternElement e : p.elements) {
            if (e.kind == PatternElement.Kind.WORD && !e.optional && !e.exact.isEmpty() && e.prefixes.length == 0
                    && ctx.firstPerson.containsAll(e.exact)) {
                return true;
            }
        }
        return false;
    }

    private static RiskRule.Person person(String raw, String where) {
        if (raw == null) {
            return null;
        }
        return switch (raw.trim()) {
            case "self" -> RiskRule.Person.SELF;
            case "third" -> RiskRule.Person.THIRD;
            case "any" -> RiskRule.Person.ANY;
            default -> throw new IllegalArgumentException(where + ": person '" + raw + "' (expected: self, third or any)");
        };
    }

    private static RiskLevel level(String raw, String where) {
        if (raw != null) {
            for (RiskLevel l : RiskLevel.values()) {
                if (l.name().equalsIgnoreCase(raw.trim())) {
                    return l;
                }
            }
        }
        throw new IllegalArgumentException(where + ": level '" + raw + "' (expected: concern, high or imminent)");
    }

    private static Map<String, List<List<String>>> classes(PatternParser words, Map<String, List<String>> raw,
            String where) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((name, members) -> {
                if (members == null || members.isEmpty()) {
                    throw new IllegalArgumentException(where + ": class '" + name + "' is empty (expected: a list of words)");
                }
                List<List<String>> alts = new ArrayList<>();
                for (String m : members) {
                    List<String> atoms = new ArrayList<>();
                    for (String w : m.trim().split("\\s+")) {
                        atoms.addAll(words.atoms(w, where + " class " + name));
                    }
                    alts.add(List.copyOf(atoms));
                }
                out.put(name, List.copyOf(alts));
            });
        }
        return out;
    }

    private static LanguageContext context(PatternParser words, ContextEntry c, String where) {
        return new LanguageContext(set(words, c.negators(), where, "negators"), set(words, c.breakers(), where, "breakers"),
                set(words, c.clauseWords(), where, "clauseWords"), set(words, c.subjects(), where, "subjects"),
                set(words, c.firstPerson(), where, "firstPerson"), set(words, c.thirdPerson(), where, "thirdPerson"),
                set(words, c.fiction(), where, "fiction"), set(words, c.pairedNegators(), where, "pairedNegators"),
                set(words, c.negationPartners(), where, "negationPartners"), set(words, c.auxiliaries(), where, "auxiliaries"),
                set(words, c.participleEndings(), where, "participleEndings"));
    }

    private static Set<String> set(PatternParser words, List<String> raw, String where, String field) {
        Set<String> out = new HashSet<>();
        if (raw != null) {
            for (String w : raw) {
                List<String> atoms = words.atoms(w, where + " context." + field);
                if (atoms.size() != 1 || atoms.get(0).endsWith("*")) {
                    throw new IllegalArgumentException(where + " context." + field + ": '" + w
                            + "' (expected: a single word)");
                }
                out.add(atoms.get(0));
            }
        }
        return out;
    }

    private static List<RiskRules.Boost> boosts(IndexFile index) {
        List<RiskRules.Boost> out = new ArrayList<>();
        int n = 0;
        for (BoostEntry b : index.boosts() == null ? List.<BoostEntry>of() : index.boosts()) {
            String where = INDEX + " boosts[" + ++n + "]";
            if (b.when() == null || b.when().isEmpty() || b.base() == null || b.base().isEmpty()) {
                throw new IllegalArgumentException(where + ": (expected: when: [plan], base: [ideation, ...], to: imminent)");
            }
            Set<RiskCategory> when = EnumSet.noneOf(RiskCategory.class);
            b.when().forEach(c -> when.add(RiskCategory.parse(c, where)));
            Set<RiskCategory> base = EnumSet.noneOf(RiskCategory.class);
            b.base().forEach(c -> base.add(RiskCategory.parse(c, where)));
            if (b.from() != null && !"high".equals(b.from())) {
                throw new IllegalArgumentException(where + ": from '" + b.from() + "' (expected: from: high, or no from)");
            }
            out.add(new RiskRules.Boost(when, base, level(b.to(), where), b.from() == null ? null : RiskLevel.HIGH));
        }
        return out;
    }

    private static <T> T read(String resource, Class<T> type) {
        return RulesYaml.read(resource, type);
    }
}
