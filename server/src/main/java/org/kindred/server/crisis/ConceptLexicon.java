package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concept words of {@link ConceptCombos}, indexed for lookup: by the exact canonical word,
 * by a prefix ("ritz*"), by a number of 10 or more, and per language by Snowball stem
 * ({@link Stemmers}). A message word is stemmed in a language only when its first three letters
 * start some entry's stem in that language, and at most once per language (callers pass a cache
 * array), so a word costs a few hash look-ups and rarely a stem. Immutable and thread-safe.
 */
final class ConceptLexicon {
    static final int MAX_ENTRY_WORDS = 5;
    private static final List<Entry> NO_ENTRIES = List.of();

    /** One word of a concept entry: an exact canonical word, a prefix, a large number, and its stem. */
    record Atom(String exact, String prefix, boolean bigNumber, String stem) {
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
    record Entry(int concept, int lang, Atom[] atoms) {
    }

    private final Map<String, List<Entry>> byExact;
    private final Map<String, List<Entry>> byPrefix;
    private final List<Map<String, List<Entry>>> byStem;
    private final List<Set<String>> stemStarts;
    private final List<Entry> byNumber;

    ConceptLexicon(List<Entry> entries) {
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
    }

    /** Receives the concept occurrences found at one word. */
    interface Sink {
        void add(int concept, int start, int end);
    }

    /**
     * The concepts of the entries that start at word {@code i} and end inside the sentence ending
     * at {@code e}, each reported once to {@code out}.
     *
     * @param stems cache of stems, {@code t.length * 4} slots, filled as needed
     * @return the concepts found, as a bit mask
     */
    long read(Token[] t, int i, int e, String[] stems, Sink out) {
        long found = 0;
        for (int l = -1; l < Stemmers.LANGUAGES.length; l++) {
            for (Entry en : candidates(t, i, l, stems)) {
                int end = matchEntry(en, t, i, e, stems);
                if (end > 0 && (found & (1L << en.concept)) == 0) {
                    found |= 1L << en.concept;
                    out.add(en.concept, i, end);
                }
            }
        }
        return found;
    }

    /** Parses one written entry of a concept (see combos.yaml): words, prefixes with *, #10. */
    static Entry entry(int concept, int lang, String written, PatternParser words, String where) {
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
}
