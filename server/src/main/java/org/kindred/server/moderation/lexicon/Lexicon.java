package org.kindred.server.moderation.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;

/**
 * A compiled, immutable lexicon: terms normalised with the shared {@link Normalizer} and an
 * Aho–Corasick automaton over them. Matching is whole-word unless a term says otherwise,
 * tolerates repeated letters ("fuuuck", "assss"), honours per-term allow-lists and
 * {@code @not-after} exemptions, and allocates nothing beyond what the sink does. Thread-safe.
 */
public final class Lexicon {
    /**
     * Terms this long or longer (squeezed) match inside words in {@link Mode#NICK}. Five, because
     * four-letter terms hide in too many ordinary words (arsenal, cocktail, Dickens, Pakistan).
     */
    static final int NICK_SUBSTRING_MIN = 5;

    private final Term[] terms;
    /** Per term: may match inside a word in MESSAGE mode, and in NICK mode. */
    private final boolean[] insideMessage;
    private final boolean[] insideNick;
    private final AhoCorasick automaton;
    private final Set<String> categories;

    /** How to treat word boundaries. */
    public enum Mode {
        /** Messages: whole words, unless a term is marked {@code ~}. */
        MESSAGE,
        /** Nicknames: terms of 5 or more letters also match inside words ("TheBastardKing"). */
        NICK
    }

    /** Receives matches as normalised ranges {@code [start, end)}; returning false stops. */
    @FunctionalInterface
    public interface Sink {
        boolean onMatch(Term term, int start, int end);
    }

    private Lexicon(Term[] terms) {
        this.terms = terms;
        this.insideMessage = new boolean[terms.length];
        this.insideNick = new boolean[terms.length];
        for (int i = 0; i < terms.length; i++) {
            insideMessage[i] = terms[i].substring();
            insideNick[i] = terms[i].substring() || terms[i].squeezed().length >= NICK_SUBSTRING_MIN;
        }
        List<String> patterns = new ArrayList<>(terms.length);
        Set<String> cats = new TreeSet<>();
        for (Term t : terms) {
            patterns.add(t.squeezedString());
            cats.addAll(t.categories());
        }
        this.automaton = new AhoCorasick(patterns);
        this.categories = Set.copyOf(cats);
    }

    /** Compiles entries; {@code remove} entries take their term out of their category. */
    public static Lexicon compile(List<LexiconEntry> entries, Normalizer normalizer) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        List<LexiconEntry> removals = new ArrayList<>();
        for (LexiconEntry e : entries) {
            if (e.remove()) {
                removals.add(e);
                continue;
            }
            String key = normalizer.normalize(e.term()).text();
            if (key.isEmpty()) {
                continue;
            }
            Draft d = drafts.computeIfAbsent(key, k -> new Draft());
            d.categories.add(e.category());
            d.substring |= e.substring();
            e.allow().forEach(a -> d.allow.add(normalizer.normalize(a).text()));
            e.notAfter().forEach(a -> d.notAfter.add(normalizer.normalize(a).text()));
        }
        for (LexiconEntry r : removals) {
            Draft d = drafts.get(normalizer.normalize(r.term()).text());
            if (d != null) {
                d.categories.remove(r.category());
            }
        }
        List<Term> terms = new ArrayList<>(drafts.size());
        drafts.forEach((key, d) -> {
            if (!d.categories.isEmpty()) {
                d.allow.remove("");
                d.notAfter.remove("");
                terms.add(new Term(key, d.categories, d.substring, new ArrayList<>(d.allow),
                        new ArrayList<>(d.notAfter)));
            }
        });
        return new Lexicon(terms.toArray(new Term[0]));
    }

    /** Number of distinct normalised terms. */
    public int size() {
        return terms.length;
    }

    /** Categories that at least one term belongs to. */
    public Set<String> categories() {
        return categories;
    }

    /** Number of automaton states (for diagnostics). */
    public int states() {
        return automaton.states();
    }

    /** Reports every match of a term in {@code text} to {@code sink}, left to right by end. */
    public void scan(NormalizedText text, Mode mode, Sink sink) {
        boolean[] inside = mode == Mode.NICK ? insideNick : insideMessage;
        int state = 0;
        char prev = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch == prev && AhoCorasick.isLetter(ch)) {
                continue;
            }
            prev = ch;
            int step = automaton.step(state, ch);
            state = AhoCorasick.target(step);
            if (!AhoCorasick.hasOutputs(step)) {
                continue;
            }
            // Cheap pre-check: a whole-word term cannot end here if a different letter follows.
            char next = i + 1 < n ? text.charAt(i + 1) : ' ';
            boolean wordEnds = !AhoCorasick.isLetter(next) || next == ch || text.softBoundaryBefore(i + 1);
            for (int o = automaton.outputsFrom(state), end = automaton.outputsTo(state); o < end; o++) {
                int id = automaton.output(o);
                if (!wordEnds && !inside[id]) {
                    continue;
                }
                Term term = terms[id];
                long span = verify(term, text, i, mode);
                if (span >= 0 && !sink.onMatch(term, (int) (span >>> 32), (int) span)) {
                    return;
                }
            }
        }
    }

    /** Returns start << 32 | end of a genuine match ending at {@code last}, or -1. */
    private static long verify(Term term, NormalizedText t, int last, Mode mode) {
        char[] sq = term.squeezed();
        byte[] minRun = term.minRun();
        int n = t.length();
        int end = last + 1;
        char lastChar = sq[sq.length - 1];
        if (AhoCorasick.isLetter(lastChar)) {
            while (end < n && t.charAt(end) == lastChar) {
                end++;
            }
        }
        int pos = end - 1;
        for (int k = sq.length - 1; k >= 0; k--) {
            char c = sq[k];
            if (pos < 0 || t.charAt(pos) != c) {
                return -1;
            }
            int run = 0;
            if (AhoCorasick.isLetter(c)) {
                while (pos >= 0 && t.charAt(pos) == c) {
                    run += t.repeat(pos);
                    pos--;
                }
            } else {
                run = 1;
                pos--;
            }
            if (run < minRun[k]) {
                return -1;
            }
        }
        int start = pos + 1;
        boolean inside = term.substring() || (mode == Mode.NICK && sq.length >= NICK_SUBSTRING_MIN);
        if (!inside && !(boundaryAt(t, start) && boundaryAt(t, end))) {
            return -1;
        }
        if (allowed(term, t, start, end) || exemptByPrefix(term, t, start)) {
            return -1;
        }
        return ((long) start << 32) | end;
    }

    private static boolean boundaryAt(NormalizedText t, int i) {
        return i == 0 || i == t.length() || !AhoCorasick.isLetter(t.charAt(i - 1))
                || !AhoCorasick.isLetter(t.charAt(i)) || t.softBoundaryBefore(i);
    }

    private static boolean allowed(Term term, NormalizedText t, int start, int end) {
        if (term.allow().length == 0) {
            return false;
        }
        String s = t.text();
        for (String a : term.allow()) {
            // only a phrase starting in [end - length, start] can contain the match: look there
            // alone (searching the rest of the text per match made "shit shit shit ..." quadratic)
            for (int idx = Math.max(0, end - a.length()); idx <= start; idx++) {
                if (s.startsWith(a, idx)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean exemptByPrefix(Term term, NormalizedText t, int start) {
        if (start < 2 || t.charAt(start - 1) != ' ' || term.notAfter().length == 0) {
            return false;
        }
        String s = t.text();
        for (String p : term.notAfter()) {
            int ps = start - 1 - p.length();
            if (ps >= 0 && s.regionMatches(ps, p, 0, p.length()) && (ps == 0 || s.charAt(ps - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static final class Draft {
        final Set<String> categories = new LinkedHashSet<>();
        final Set<String> allow = new LinkedHashSet<>();
        final Set<String> notAfter = new LinkedHashSet<>();
        boolean substring;
    }
}
