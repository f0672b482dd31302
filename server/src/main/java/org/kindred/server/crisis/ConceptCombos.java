package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Concepts combined by proximity ({@code crisis/combos.yaml}, issue 12): word lists per concept
 * and language (a self-harm act, a body part, "again", pills, saving up, swallowing, a large
 * quantity, a time, the past …) matched by Snowball stem ({@link Stemmers}), so "cortando",
 * "cortarme" and "corté" are one word; and combinations such as "a self-harm act and a body part
 * within six words of one sentence, with no cooking or haircut word in it" that make a signal or
 * a booster of a rule category. A combination is a wording-free statement of a kind of risk, so
 * it reaches sentences no rule enumerates; its matches go through the same negation, person and
 * fiction checks as rule matches, and the explanation is its category.
 *
 * <p>Linear: each word is looked up once per language (a stem only when its first three letters
 * start some concept word's stem), and each combination is checked once per concept occurrence,
 * against the latest occurrence of each concept it needs. Immutable and thread-safe.
 */
final class ConceptCombos {
    static final String BUNDLED = "crisis/combos.yaml";
    static final int MAX_WINDOW = 16;
    private static final int MAX_ENTRY_WORDS = 5;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(String origin, Integer window, Map<String, Map<String, List<String>>> concepts, List<ComboEntry> combos) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ComboEntry(List<String> all, List<String> none, Integer window, String category, String level,
            Boolean boost, Boolean negation, Boolean fiction) {
    }

    /** One word of a concept entry: an exact canonical word, a prefix, a large number, and its stem. */
    private record Atom(String exact, String prefix, boolean bigNumber, String stem) {
        boolean accepts(Token t, int lang, String[] stems, int at) {
            if (bigNumber) {
                return t.number && isBig(t.text);
            }
            if (t.text.equals(exact) || (prefix != null && t.text.startsWith(prefix))) {
                return true;
            }
            return stem != null && lang >= 0 && stem.equals(stemOf(t, lang, stems, at));
        }
    }

    /** A concept entry of one language: one or more atoms read as consecutive words. */
    private record Entry(int concept, int lang, Atom[] atoms) {
    }

    /** A combination: concepts it needs, concepts that cancel it, the window, what it makes. */
    record Combo(String name, long all, long none, int window, RiskRule rule) {
    }

    final List<String> names;
    final List<Combo> combos;
    private final Map<String, List<Entry>> byExact;
    private final Map<String, List<Entry>> byPrefix;
    private final List<Map<String, List<Entry>>> byStem;
    private final List<Set<String>> stemStarts;
    private final List<Entry> byNumber;
    /** The {@code past} concept's bit, or 0 when the file has none. */
    private final long pastMask;
    private final int pastBit;
    /** The {@code present} concept's index ("now", "today", "but"), or -1. */
    private final int presentBit;
    /** The {@code better} concept's bit, or 0. */
    private final long betterMask;

    private ConceptCombos(List<String> names, List<Combo> combos, List<Entry> entries) {
        this.names = List.copyOf(names);
        this.combos = List.copyOf(combos);
        Map<String, List<Entry>> exact = new HashMap<>();
        Map<String, List<Entry>> prefix = new HashMap<>();
        List<Map<String, List<Entry>>> stem = new ArrayList<>();
        List<Set<String>> starts = new ArrayList<>();
        for (int l = 0; l < Stemmers.LANGUAGES.length; l++) {
            stem.add(new HashMap<>());
            starts.add(new HashSet<>());
        }
        List<Entry> number = new ArrayList<>();
        for (Entry e : entries) {
            Atom a = e.atoms[0];
            if (a.bigNumber) {
                number.add(e);
            } else if (a.prefix != null) {
                prefix.computeIfAbsent(a.prefix.substring(0, 3), k -> new ArrayList<>()).add(e);
            } else {
                exact.computeIfAbsent(a.exact, k -> new ArrayList<>()).add(e);
                if (a.stem != null) {
                    stem.get(e.lang).computeIfAbsent(a.stem, k -> new ArrayList<>()).add(e);
                    starts.get(e.lang).add(a.stem.substring(0, 3));
                }
            }
        }
        this.byExact = Map.copyOf(exact);
        this.byPrefix = Map.copyOf(prefix);
        List<Map<String, List<Entry>>> frozen = new ArrayList<>();
        for (Map<String, List<Entry>> m : stem) {
            frozen.add(Map.copyOf(m));
        }
        this.byStem = List.copyOf(frozen);
        List<Set<String>> frozenStarts = new ArrayList<>();
        for (Set<String> s : starts) {
            frozenStarts.add(Set.copyOf(s));
        }
        this.stemStarts = List.copyOf(frozenStarts);
        this.byNumber = List.copyOf(number);
        int p = names.indexOf("past");
        this.pastMask = p < 0 ? 0 : 1L << p;
        this.pastBit = p;
        this.presentBit = names.indexOf("present");
        int b = names.indexOf("better");
        this.betterMask = b < 0 ? 0 : 1L << b;
    }

    /** The bundled combinations, with the shared normaliser and the context words of all languages. */
    static ConceptCombos loadBundled(Normalizer normalizer, LanguageContext context) {
        try (InputStream in = ConceptCombos.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BUNDLED);
            }
            return compile(YAML.readValue(in, File.class), normalizer, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED + ": " + e.getMessage(), e);
        }
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
        if (f.concepts().size() > 63) {
            throw new IllegalArgumentException(BUNDLED + ": " + f.concepts().size() + " concepts (expected: at most 63)");
        }
        int defaultWindow = f.window() == null ? 8 : f.window();
        List<String> names = new ArrayList<>(f.concepts().keySet());
        List<Entry> entries = new ArrayList<>();
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
                    entries.add(entry(c, lang, written, words, BUNDLED + " concept " + name + "." + byLang.getKey()));
                }
            }
        }
        List<Combo> combos = new ArrayList<>();
        int n = 0;
        for (ComboEntry e : f.combos()) {
            String where = BUNDLED + " combos[" + ++n + "]";
            long all = mask(names, e.all(), where);
            long none = e.none() == null ? 0 : mask(names, e.none(), where);
            if (Long.bitCount(all) < 2) {
                throw new IllegalArgumentException(where + ": (expected: all: at least two concepts)");
            }
            int window = e.window() == null ? defaultWindow : e.window();
            if (window < 1 || window > MAX_WINDOW) {
                throw new IllegalArgumentException(where + ": window " + window + " (expected: 1 to " + MAX_WINDOW + ")");
            }
            RiskCategory category = RiskCategory.parse(e.category(), where);
            boolean boost = Boolean.TRUE.equals(e.boost());
            RiskLevel level = boost ? null : level(e.level(), where);
            String name = String.join("+", e.all());
            RiskRule rule = new RiskRule(category, level, boost ? RiskRule.Kind.BOOSTER : RiskRule.Kind.SIGNAL,
                    RiskRule.Person.ANY, new PhrasePattern("combo " + name, List.of()), "*", false,
                    checks(context, !Boolean.FALSE.equals(e.negation()), !Boolean.FALSE.equals(e.fiction())));
            combos.add(new Combo(name, all, none, window, rule));
        }
        return new ConceptCombos(names, combos, entries);
    }

    /** The context words with the negation or fiction check switched off (empty word sets). */
    private static LanguageContext checks(LanguageContext c, boolean negation, boolean fiction) {
        if (negation && fiction) {
            return c;
        }
        return new LanguageContext(negation ? c.negators : Set.of(), c.breakers, c.clauseWords, c.subjects,
                c.firstPerson, c.thirdPerson, fiction ? c.fiction : Set.of());
    }

    private static Entry entry(int concept, int lang, String written, PatternParser words, String where) {
        String[] parts = written.trim().split("\\s+");
        List<Atom> atoms = new ArrayList<>();
        for (String p : parts) {
            if (p.equals("#10")) {
                atoms.add(new Atom(null, null, true, null));
                continue;
            }
            for (String a : words.atoms(p, where)) {
                if (a.endsWith("*")) {
                    String prefix = a.substring(0, a.length() - 1);
                    if (prefix.length() < 4) {
                        throw new IllegalArgumentException(where + ": prefix '" + p + "' (expected: at least 4 letters before *)");
                    }
                    atoms.add(new Atom(null, prefix, false, null));
                } else {
                    // a stem cut far down ("serie" -> "ser") would match unrelated words ("sera"): exact only
                    String stem = a.length() >= 3 ? Stemmers.stem(lang, a) : null;
                    boolean usable = stem != null && stem.length() >= 3
                            && (stem.length() >= 4 || stem.length() >= a.length() - 1);
                    atoms.add(new Atom(a, null, false, usable ? stem : null));
                }
            }
        }
        if (atoms.isEmpty() || atoms.size() > MAX_ENTRY_WORDS) {
            throw new IllegalArgumentException(where + ": '" + written + "' (expected: 1 to " + MAX_ENTRY_WORDS + " words)");
        }
        return new Entry(concept, lang, atoms.toArray(new Atom[0]));
    }

    private static long mask(List<String> names, List<String> concepts, String where) {
        long m = 0;
        for (String c : concepts == null ? List.<String>of() : concepts) {
            int i = names.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException(where + ": concept '" + c + "' (expected: one of " + names + ")");
            }
            m |= 1L << i;
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

    /** A match of a combination: the rule it makes and the token span. */
    record Match(RiskRule rule, int start, int end, long gaps) {
    }

    /**
     * Every combination found in the tokens.
     *
     * @param t the message's words (not split)
     * @return matches, at most two per combination and sentence
     */
    List<Match> find(Token[] t) {
        return read(t).matches;
    }

    /** What {@link #read} found in one message. */
    static final class Reading {
        final List<Match> matches = new ArrayList<>();
        /** Per token: its clause tells of the past ({@code past} concept: "a year ago", "früher", "cuando era"). */
        final boolean[] past;
        /**
         * Recovery talk: a {@code better} concept ("grateful", "dankbar", "mejor") after a
         * {@code past} one, in a later clause or sentence ("a year ago I …, today I'm grateful").
         */
        boolean recovery;

        Reading(int tokens) {
            past = new boolean[tokens];
        }
    }

    /** Every combination found in the tokens, which sentences tell of the past, and recovery talk. */
    Reading read(Token[] t) {
        Reading r = new Reading(t.length);
        find(t, r);
        return r;
    }

    /** Fills {@code r}: matches (at most two per combination and sentence), past sentences, recovery. */
    private void find(Token[] t, Reading r) {
        List<Match> out = r.matches;
        boolean[] past = r.past;
        int firstPast = -1;
        if (t.length == 0 || combos.isEmpty()) {
            return;
        }
        String[] stems = new String[t.length * Stemmers.LANGUAGES.length];
        // occurrences of the current sentence: concept, start, end
        int[] oc = new int[16];
        int[] os = new int[16];
        int[] oe = new int[16];
        int s = 0;
        while (s < t.length) {
            int e = s + 1;
            while (e < t.length && t[e].before != Token.Boundary.SENTENCE) {
                e++;
            }
            int count = 0;
            long mask = 0;
            for (int i = s; i < e; i++) {
                long found = 0;
                for (int l = -1; l < Stemmers.LANGUAGES.length; l++) {
                    for (Entry en : candidates(t, i, l, stems)) {
                        int end = matchEntry(en, t, i, e, stems);
                        if (end > 0 && (found & (1L << en.concept)) == 0) {
                            found |= 1L << en.concept;
                            if (count == oc.length) {
                                oc = java.util.Arrays.copyOf(oc, count * 2);
                                os = java.util.Arrays.copyOf(os, count * 2);
                                oe = java.util.Arrays.copyOf(oe, count * 2);
                            }
                            oc[count] = en.concept;
                            os[count] = i;
                            oe[count] = end;
                            count++;
                        }
                    }
                }
                mask |= found;
                if ((found & pastMask) != 0 && firstPast < 0) {
                    firstPast = i;
                }
                if ((found & betterMask) != 0 && firstPast >= 0 && !r.recovery) {
                    r.recovery = boundaryBetween(t, firstPast, i);
                }
            }
            if ((mask & pastMask) != 0) {
                markPast(t, s, e, oc, os, count, past);
            }
            for (Combo c : combos) {
                if ((mask & c.all) == c.all && (mask & c.none) == 0) {
                    combine(c, oc, os, oe, count, out);
                }
            }
            s = e;
        }
    }

    /**
     * Marks as past the clause of every {@code past} occurrence of the sentence {@code [s, e)}, cut
     * short at a {@code present} word ("a year ago I wanted to die, today I'm grateful but I want
     * to … tonight": only the first clause is past). Each token is marked at most once per
     * occurrence whose token was not yet marked, so the cost stays linear.
     */
    private void markPast(Token[] t, int s, int e, int[] oc, int[] os, int count, boolean[] past) {
        boolean[] present = new boolean[e - s];
        for (int k = 0; k < count; k++) {
            if (oc[k] == presentBit) {
                present[os[k] - s] = true;
            }
        }
        for (int k = 0; k < count; k++) {
            int p = os[k];
            if (oc[k] != pastBit || past[p]) {
                continue;
            }
            int from = p;
            while (from > s && t[from].before == Token.Boundary.NONE && !present[from - 1 - s]) {
                from--;
            }
            int to = p + 1;
            while (to < e && t[to].before == Token.Boundary.NONE && !present[to - s]) {
                to++;
            }
            java.util.Arrays.fill(past, from, to, true);
        }
    }

    private static boolean boundaryBetween(Token[] t, int from, int to) {
        for (int k = from + 1; k <= to; k++) {
            if (t[k].before != Token.Boundary.NONE) {
                return true;
            }
        }
        return false;
    }

    private static final List<Entry> NO_ENTRIES = List.of();

    /** A number of two digits from 10 or of three or more digits ("15", "100"). */
    static boolean isBig(String number) {
        int digits = 0;
        while (digits < number.length() && Character.isDigit(number.charAt(digits))) {
            digits++;
        }
        return digits >= 3 || (digits == 2 && number.charAt(0) != '0');
    }

    /** Entries whose first word may be token {@code i}: language -1 = exact, prefix and number entries. */
    private List<Entry> candidates(Token[] t, int i, int lang, String[] stems) {
        Token tok = t[i];
        if (lang < 0) {
            List<Entry> exact = byExact.get(tok.text);
            List<Entry> pre = tok.text.length() >= 4 ? byPrefix.get(tok.text.substring(0, 3)) : null;
            List<Entry> num = tok.number ? byNumber : NO_ENTRIES;
            if (pre == null && num.isEmpty()) {
                return exact == null ? NO_ENTRIES : exact;
            }
            List<Entry> all = new ArrayList<>();
            if (exact != null) {
                all.addAll(exact);
            }
            if (pre != null) {
                all.addAll(pre);
            }
            all.addAll(num);
            return all;
        }
        if (tok.number || tok.text.length() < 3 || !stemStarts.get(lang).contains(tok.text.substring(0, 3))) {
            return NO_ENTRIES;
        }
        List<Entry> byItsStem = byStem.get(lang).get(stemOf(tok, lang, stems, i));
        return byItsStem == null ? NO_ENTRIES : byItsStem;
    }

    /** The end (exclusive) of entry {@code en} read from token {@code i} within the sentence ending at {@code e}, or -1. */
    private static int matchEntry(Entry en, Token[] t, int i, int e, String[] stems) {
        if (i + en.atoms.length > e) {
            return -1;
        }
        for (int k = 0; k < en.atoms.length; k++) {
            if (!en.atoms[k].accepts(t[i + k], en.lang, stems, i + k)) {
                return -1;
            }
        }
        return i + en.atoms.length;
    }

    private static String stemOf(Token t, int lang, String[] stems, int at) {
        int slot = at * Stemmers.LANGUAGES.length + lang;
        if (slot >= stems.length) {
            return Stemmers.stem(lang, t.text);
        }
        String s = stems[slot];
        if (s == null) {
            s = Stemmers.stem(lang, t.text);
            stems[slot] = s;
        }
        return s;
    }

    /**
     * Scans the sentence's occurrences once: at each occurrence of a needed concept, the latest
     * occurrence of every needed concept makes a candidate span; one within the window is a match.
     */
    private static void combine(Combo c, int[] oc, int[] os, int[] oe, int count, List<Match> out) {
        int needed = Long.bitCount(c.all);
        int[] last = new int[64];
        java.util.Arrays.fill(last, -1);
        int have = 0;
        int emitted = 0;
        for (int k = 0; k < count && emitted < 2; k++) {
            int concept = oc[k];
            if ((c.all & (1L << concept)) == 0) {
                continue;
            }
            if (last[concept] < 0) {
                have++;
            }
            last[concept] = k;
            if (have < needed) {
                continue;
            }
            int start = Integer.MAX_VALUE;
            int end = 0;
            for (long m = c.all; m != 0; m &= m - 1) {
                int j = last[Long.numberOfTrailingZeros(m)];
                start = Math.min(start, os[j]);
                end = Math.max(end, oe[j]);
            }
            if (end - start <= c.window && end - start <= PhrasePattern.MAX_SPAN) {
                long gaps = 0;
                for (int p = start; p < end; p++) {
                    gaps |= 1L << (p - start);
                }
                for (long m = c.all; m != 0; m &= m - 1) {
                    int j = last[Long.numberOfTrailingZeros(m)];
                    for (int p = os[j]; p < oe[j]; p++) {
                        gaps &= ~(1L << (p - start));
                    }
                }
                out.add(new Match(c.rule, start, end, gaps));
                emitted++;
            }
        }
    }
}
