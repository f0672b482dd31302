package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Reads {@code crisis/combos.yaml} (see its header for the format) into {@link ConceptCombos}.
 * Every error names the file, the concept or combination and what was expected.
 */
final class ConceptCombosLoader {
    static final String BUNDLED = "crisis/combos.yaml";
    static final int MAX_WINDOW = 16;
    /** Largest window of a combination that reads two sentences. */
    static final int MAX_WINDOW_ACROSS = 24;

    private ConceptCombosLoader() {
    }

    /**
     * A combinations file. {@code phrasesShare}: an entry of several words does not hide its first word's
     * stem from the other concepts of its language ({@link ConceptLexicon}, round 19); off when absent.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(String origin, Integer window, Map<String, Map<String, List<String>>> concepts, List<ComboEntry> combos,
            Boolean phrasesShare) {
        File(String origin, Integer window, Map<String, Map<String, List<String>>> concepts, List<ComboEntry> combos) {
            this(origin, window, concepts, combos, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ComboEntry(List<String> all, List<String> none, Integer window, String category, String level,
            Boolean boost, Boolean negation, Boolean fiction, String person, Integer sentences) {
    }

    /** The bundled combinations, with the shared normaliser and the context words of all languages. */
    static ConceptCombos loadBundled(Normalizer normalizer, LanguageContext context) {
        return compile(RulesYaml.read(BUNDLED, File.class), normalizer, context);
    }

    /**
     * Compiles a combinations file.
     *
     * @throws IllegalArgumentException naming the concept or combination and what was expected
     */
    static ConceptCombos compile(File f, Normalizer normalizer, LanguageContext context) {
        if (f.concepts() == null || f.concepts().isEmpty() || f.combos() == null) {
            throw new IllegalArgumentException(BUNDLED + ": (expected: concepts: and combos:)");
        }
        if (f.concepts().size() > ConceptCombos.MAX_CONCEPTS) {
            throw new IllegalArgumentException(BUNDLED + ": " + f.concepts().size() + " concepts (expected: at most "
                    + ConceptCombos.MAX_CONCEPTS + ")");
        }
        List<String> first = new ArrayList<>(f.concepts().keySet());
        for (String special : List.of("past", "present", "better")) {
            if (first.indexOf(special) >= 64) {
                throw new IllegalArgumentException(BUNDLED + ": concept '" + special + "' (expected: among the first 64)");
            }
        }
        int defaultWindow = f.window() == null ? 8 : f.window();
        List<String> names = new ArrayList<>(f.concepts().keySet());
        List<ConceptLexicon.Entry> entries = new ArrayList<>();
        PatternParser words = new PatternParser(normalizer, Map.of());
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            for (Map.Entry<String, List<String>> byLang : f.concepts().get(name).entrySet()) {
                int lang = Stemmers.index(byLang.getKey());
                if (lang < 0) {
                    throw new IllegalArgumentException(BUNDLED + " concept " + name + ": language '" + byLang.getKey()
                            + "' (expected: en, es, de or fr)");
                }
                for (String written : byLang.getValue()) {
                    entries.add(ConceptLexicon.entry(c, lang, written, words, BUNDLED + " concept " + name + "." + byLang.getKey()));
                }
            }
        }
        List<ConceptCombos.Combo> combos = new ArrayList<>();
        int n = 0;
        for (ComboEntry e : f.combos()) {
            String where = BUNDLED + " combos[" + ++n + "]";
            long[] all = mask(names, e.all(), where);
            long[] none = mask(names, e.none(), where);
            int needed = 0;
            for (long w : all) {
                needed += Long.bitCount(w);
            }
            if (needed < 2) {
                throw new IllegalArgumentException(where + ": (expected: all: at least two concepts)");
            }
            int sentences = e.sentences() == null ? 1 : e.sentences();
            if (sentences < 1 || sentences > ConceptCombos.MAX_SENTENCES) {
                throw new IllegalArgumentException(where + ": sentences " + sentences + " (expected: 1 to "
                        + ConceptCombos.MAX_SENTENCES + ")");
            }
            int window = e.window() == null ? defaultWindow : e.window();
            int maxWindow = sentences > 1 ? MAX_WINDOW_ACROSS : MAX_WINDOW;
            if (window < 1 || window > maxWindow) {
                throw new IllegalArgumentException(where + ": window " + window + " (expected: 1 to " + maxWindow + ")");
            }
            RiskCategory category = RiskCategory.parse(e.category(), where);
            boolean boost = Boolean.TRUE.equals(e.boost());
            RiskLevel level = boost ? null : level(e.level(), where);
            String name = String.join("+", e.all());
            RiskRule.Person person;
            if (e.person() == null || e.person().equals("any")) {
                person = RiskRule.Person.ANY;
            } else if (e.person().equals("self")) {
                person = RiskRule.Person.SELF;
            } else {
                throw new IllegalArgumentException(where + ": person '" + e.person() + "' (expected: any or self)");
            }
            RiskRule rule = new RiskRule(category, level, boost ? RiskRule.Kind.BOOSTER : RiskRule.Kind.SIGNAL,
                    person, new PhrasePattern("combo " + name, List.of()), "*", false,
                    checks(context, !Boolean.FALSE.equals(e.negation()), !Boolean.FALSE.equals(e.fiction())));
            combos.add(new ConceptCombos.Combo(name, all, none, window, rule, sentences));
        }
        return new ConceptCombos(names, combos, new ConceptLexicon(entries, Boolean.TRUE.equals(f.phrasesShare())));
    }

    /** The context words with the negation or fiction check switched off (empty word sets). */
    private static LanguageContext checks(LanguageContext c, boolean negation, boolean fiction) {
        if (negation && fiction) {
            return c;
        }
        return new LanguageContext(negation ? c.negators : Set.of(), c.breakers, c.clauseWords, c.subjects,
                c.firstPerson, c.thirdPerson, fiction ? c.fiction : Set.of(), negation ? c.paired : Set.of(),
                c.partners, c.auxiliaries, c.participleEndings);
    }

    /** The concepts as {@link ConceptCombos#WORDS} bit masks: indexes 0 to 63, then 64 to 127, and so on. */
    private static long[] mask(List<String> names, List<String> concepts, String where) {
        long[] m = new long[ConceptCombos.WORDS];
        for (String c : concepts == null ? List.<String>of() : concepts) {
            int i = names.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException(where + ": concept '" + c + "' (expected: one of " + names + ")");
            }
            m[i / 64] |= 1L << (i % 64);
        }
        return m;
    }

    private static RiskLevel level(String raw, String where) {
        for (RiskLevel l : RiskLevel.values()) {
            if (raw != null && l.name().equalsIgnoreCase(raw.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException(where + ": level '" + raw + "' (expected: concern, high or imminent, or boost: true)");
    }
}
