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

    /**
     * One word of a concept entry: an exact canonical word, a prefix, a large number, and its stem
     * with {@code key}, the longest common beginning of the word and its stem (3+ letters): a
     * message word can only have that stem if it begins so, which saves most stems.
     * {@code minLength}: a word that folding cut to two letters or fewer ("see" to "se", "tee" to
     * "te", "all" to "al") matches only a message word written at least that long, never the
     * short word of another language it became (Spanish "se", "te", "al"; round 13).
     */
    record Atom(String exact, String prefix, boolean bigNumber, String stem, String key, int minLength) {
        boolean accepts(Token t, int lang, String[] stems, int at) {
            if (bigNumber) {
                return t.number && isBig(t.text);
            }
            if ((t.text.equals(exact) && t.normEnd - t.normStart >= minLength)
                    || (prefix != null && t.text.startsWith(prefix))) {
                return true;
            }
            return stem != null && lang >= 0 && t.text.startsWith(key) && stem.equals(stemOf(t, lang, stems, at));
        }
    }

    /**
     * A concept entry of one language: one or more atoms read as consecutive words; {@code written}
     * is the entry as the file has it (for the loader's messages).
     */
    record Entry(int concept, int lang, Atom[] atoms, String written) {
    }

    private final Map<String, List<Entry>> byExact;
    private final Entry[] byPrefix;
    private final List<Map<String, List<Entry>>> byStem;
    /** Per language: the keys (see {@link Atom}) of the entries' first words, as hash and length. */
    private final long[][] stemKeys;
    private final Entry[] byNumber;
    /** Every entry, in the file's order. */
    final List<Entry> entries;
    private final boolean phrasesShare;

    /** Every entry, each read alone (see {@link #ConceptLexicon(List, boolean)} with {@code phrasesShare}). */
    ConceptLexicon(List<Entry> entries) {
        this(entries, false);
    }

    /**
     * @param entries every concept entry, in the file's order
     * @param phrasesShare whether an entry of several words leaves its first word's stem to the other
     *     concepts of its language (round 19); when false, any entry that begins with a word keeps that
     *     word from being read by stem in its language, as the rules up to round 18 were written for
     */
    ConceptLexicon(List<Entry> entries, boolean phrasesShare) {
        this.phrasesShare = phrasesShare;
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> exact = new HashMap<>();
        List<Entry> prefix = new ArrayList<>();
        List<Map<String, List<Entry>>> stem = new ArrayList<>();
        List<Set<Long>> keys = new ArrayList<>();
        for (int l = 0; l < Stemmers.LANGUAGES.length; l++) {
            stem.add(new HashMap<>());
            keys.add(new HashSet<>());
        }
        List<Entry> number = new ArrayList<>();
        for (Entry e : entries) {
            Atom a = e.atoms[0];
            if (a.bigNumber) {
                number.add(e);
            } else if (a.prefix != null) {
                prefix.add(e);
            } else {
                exact.computeIfAbsent(a.exact, k -> new ArrayList<>()).add(e);
                if (a.stem != null) {
                    stem.get(e.lang).computeIfAbsent(a.stem, k -> new ArrayList<>()).add(e);
                    keys.get(e.lang).add(keyOf(a.key, a.key.length()));
                }
            }
        }
        this.byExact = Map.copyOf(exact);
        this.byPrefix = prefix.toArray(new Entry[0]);
        List<Map<String, List<Entry>>> frozen = new ArrayList<>();
        for (Map<String, List<Entry>> m : stem) {
            frozen.add(Map.copyOf(m));
        }
        this.byStem = List.copyOf(frozen);
        this.stemKeys = new long[keys.size()][];
        for (int l = 0; l < keys.size(); l++) {
            stemKeys[l] = table(keys.get(l));
        }
        this.byNumber = number.toArray(new Entry[0]);
    }

    /** Hash and length of {@code s[0, len)}, never 0. */
    private static long keyOf(CharSequence s, int len) {
        int h = RiskFeatures.SEED;
        for (int i = 0; i < len; i++) {
            h = RiskFeatures.step(h, s.charAt(i));
        }
        return ((long) h << 8) | len | (1L << 7);
    }

    /** An open-addressing set of non-zero longs. */
    private static long[] table(Set<Long> keys) {
        int size = Integer.highestOneBit(Math.max(16, keys.size() * 4) - 1) << 1;
        long[] t = new long[size];
        for (long k : keys) {
            int at = slot(k, size);
            while (t[at] != 0 && t[at] != k) {
                at = (at + 1) & (size - 1);
            }
            t[at] = k;
        }
        return t;
    }

    private static int slot(long k, int size) {
        return (int) ((k * 0x9e37_79b9_7f4a_7c15L) >>> 40) & (size - 1);
    }

    private static boolean contains(long[] t, long k) {
        int at = slot(k, t.length);
        while (t[at] != 0) {
            if (t[at] == k) {
                return true;
            }
            at = (at + 1) & (t.length - 1);
        }
        return false;
    }

    /** Whether some entry key of the language begins the word (3 to 16 letters probed, no allocation). */
    private boolean mayHaveStem(String w, int lang) {
        long[] t = stemKeys[lang];
        int h = RiskFeatures.SEED;
        for (int i = 0; i < Math.min(w.length(), 16); i++) {
            h = RiskFeatures.step(h, w.charAt(i));
            if (i >= 2 && contains(t, ((long) h << 8) | (i + 1) | (1L << 7))) {
                return true;
            }
        }
        return false;
    }

    /** Receives the concept occurrences found at one word (a concept may be reported more than once per word). */
    interface Sink {
        void add(int concept, int start, int end);
    }

    /**
     * Reports to {@code out} the concepts of the entries that start at word {@code i} and end
     * inside the sentence ending at {@code e}.
     *
     * @param stems cache of stems, {@code t.length * 4} slots, filled as needed
     */
    void read(Token[] t, int i, int e, String[] stems, Sink out) {
        Token tok = t[i];
        List<Entry> exact = byExact.get(tok.text);
        // languages in which the word itself is an entry: its stem-mates are its own concept's. With
        // phrasesShare only a one-word entry lists the word; an entry of several words that begins with it
        // ("geh jetzt", "fridays the day") lists a phrase, and does not hide the word's stem from the other
        // concepts (round 19: rule writers lost lines to it)
        int listedIn = 0;
        if (exact != null) {
            report(exact, t, i, e, stems, out);
            for (Entry en : exact) {
                if (en.atoms.length == 1 || !phrasesShare) {
                    listedIn |= 1 << en.lang;
                }
            }
        }
        if (tok.number) {
            report(java.util.Arrays.asList(byNumber), t, i, e, stems, out);
            return;
        }
        for (Entry en : byPrefix) {
            if (tok.text.startsWith(en.atoms[0].prefix)) {
                report(List.of(en), t, i, e, stems, out);
            }
        }
        if (tok.text.length() < 3) {
            return;
        }
        for (int l = 0; l < Stemmers.LANGUAGES.length; l++) {
            if ((listedIn & (1 << l)) == 0 && mayHaveStem(tok.text, l)) {
                List<Entry> byItsStem = byStem.get(l).get(stemOf(tok, l, stems, i));
                if (byItsStem != null) {
                    report(byItsStem, t, i, e, stems, out);
                }
            }
        }
    }

    private static void report(List<Entry> entries, Token[] t, int i, int e, String[] stems, Sink out) {
        for (Entry en : entries) {
            int end = matchEntry(en, t, i, e, stems);
            if (end > 0) {
                out.add(en.concept, i, end);
            }
        }
    }

    /** Parses one written entry of a concept (see combos.yaml): words, prefixes with *, #10, exact words with =. */
    static Entry entry(int concept, int lang, String written, PatternParser words, String where) {
        String[] parts = written.trim().split("\\s+");
        List<Atom> atoms = new ArrayList<>();
        for (String written0 : parts) {
            // "word=": the word itself only, never by stem (Spanish "serie" and "serían" share the stem "seri")
            boolean exactOnly = written0.length() > 1 && written0.endsWith("=");
            String p = exactOnly ? written0.substring(0, written0.length() - 1) : written0;
            if (p.equals("#10")) {
                atoms.add(new Atom(null, null, true, null, null, 0));
                continue;
            }
            List<String> written1 = words.atoms(p, where);
            for (String a : written1) {
                if (a.endsWith("*")) {
                    String prefix = a.substring(0, a.length() - 1);
                    if (prefix.length() < 4) {
                        throw new IllegalArgumentException(where + ": prefix '" + p + "' (expected: at least 4 letters before *)");
                    }
                    atoms.add(new Atom(null, prefix, false, null, null, 0));
                } else {
                    // a stem cut far down ("serie" -> "ser") would match unrelated words ("sera"): exact only
                    String stem = a.length() >= 3 ? Stemmers.stem(lang, a) : null;
                    int common = 0;
                    while (stem != null && common < Math.min(a.length(), stem.length())
                            && a.charAt(common) == stem.charAt(common)) {
                        common++;
                    }
                    // and a key of three letters ("the", "car") would send every "then", "care" to the stemmer
                    boolean usable = !exactOnly && stem != null && (common >= 4 || (common == 3 && a.length() == 3))
                            && (stem.length() >= 4 || stem.length() >= a.length() - 1);
                    // folded short ("see" -> "se"): only a word written at least as long
                    int minLength = written1.size() == 1 && a.length() <= 2 && p.length() > a.length() ? p.length() : 0;
                    atoms.add(new Atom(a, null, false, usable ? stem : null, usable ? a.substring(0, common) : null, minLength));
                }
            }
        }
        if (atoms.isEmpty() || atoms.size() > MAX_ENTRY_WORDS) {
            throw new IllegalArgumentException(where + ": '" + written + "' (expected: 1 to " + MAX_ENTRY_WORDS + " words)");
        }
        return new Entry(concept, lang, atoms.toArray(new Atom[0]), written);
    }

    /** A number of two digits from 10 or of three or more digits ("15", "100"). */
    static boolean isBig(String number) {
        int digits = 0;
        while (digits < number.length() && Character.isDigit(number.charAt(digits))) {
            digits++;
        }
        return digits >= 3 || (digits == 2 && number.charAt(0) != '0');
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
