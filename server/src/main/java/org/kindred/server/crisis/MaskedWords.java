package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kindred.server.text.NormalizedText;

/**
 * Risk words written with masked letters or broken up, as people write them to dodge a filter or
 * from shame ("s*icide", "k*ll", "k**l", "d*e", "m*tar", "st*rben", "t*er", "sui-cide"). The
 * shared normaliser reads a mask character as a space, and joins single letters separated by one
 * ("k**l" becomes "kl"), so such a word reaches the rules as pieces or as a word nobody knows.
 *
 * <p>A word is read again from a <em>template</em>: its letters as normalised (double letters
 * kept: "kill", not the rules' "kil"), with one unknown letter for each hiding character
 * ({@code * # _ •}) between two pieces or between two letters the normaliser joined, and nothing
 * for one {@code -} or {@code .} inside a word ("sui-cide", "sui.cide"). The template is taken when
 * exactly one listed risk word ({@code typoWords} and {@code maskWords} of risk-rules.yaml, as
 * spelled) has its length and its letters at every shown place; a template needs two shown letters
 * and at least as many shown as hidden ones. A masked template that fits no word leaves its pieces
 * of one or two letters as fragments that no rule reads ("sh*t myself" is not "sh", self-harm, and
 * "myself"), unless only underscores hid letters: "want_to_die" joins words.
 *
 * <p>A template no listed word fits whole is read as a risk stem of {@link MaskedForms} followed by
 * one of the endings its language allows ("s*izidversuch" as suizid + versuch, "sc*rifiée" as
 * scarifi + ee, "r*tze" as ritz + e), when exactly one such word fits: every hidden letter lies in
 * the stem, the ending is shown in full (eighteenth round).
 *
 * <p>A run holds at most {@value #MAX_PIECES} pieces and {@value #MAX_LENGTH} letters, each token
 * is in at most one run, and the words are looked up by length and first letter: linear in the
 * message's length. Immutable, thread-safe.
 */
final class MaskedWords {
    static final int MAX_PIECES = 4;
    static final int MAX_LENGTH = 24;
    /** Most hiding characters between two pieces or two joined letters. */
    static final int MAX_MASKS = 3;
    /** A letter the template does not show. */
    static final char HIDDEN = '*';
    /** Gap code of {@link #gap}: a {@code -} or {@code .} inside a word, no letter hidden. */
    static final int BREAK = -1;
    /** Shortest listed word read from a template. */
    static final int MIN_LENGTH = 3;

    /** Words by length, then by first letter ('a'..'z', other letters in slot 26). */
    private final String[][][] words = new String[MAX_LENGTH + 1][27][];
    /** Stems by first letter, each with the endings of its language. */
    private final Stem[][] stems = new Stem[27][];

    private record Stem(String letters, Set<String> endings) {
    }

    /** @param spellings risk words as spelled after normalising (lower case, no accents, double letters kept) */
    MaskedWords(Set<String> spellings) {
        this(spellings, MaskedForms.NONE);
    }

    /**
     * @param spellings risk words as spelled after normalising (lower case, no accents, double letters kept)
     * @param forms stems and their languages' endings, read when no listed word fits whole
     */
    MaskedWords(Set<String> spellings, MaskedForms forms) {
        List<List<Stem>> stemLists = new ArrayList<>();
        for (int f = 0; f < 27; f++) {
            stemLists.add(new ArrayList<>());
        }
        forms.languages().values().forEach(l -> l.stems().forEach(
                st -> stemLists.get(slot(st.charAt(0))).add(new Stem(st, l.endings()))));
        for (int f = 0; f < 27; f++) {
            stems[f] = stemLists.get(f).toArray(new Stem[0]);
        }
        List<List<List<String>>> lists = new ArrayList<>();
        for (int n = 0; n <= MAX_LENGTH; n++) {
            List<List<String>> byFirst = new ArrayList<>();
            for (int f = 0; f < 27; f++) {
                byFirst.add(new ArrayList<>());
            }
            lists.add(byFirst);
        }
        spellings.stream().filter(w -> w.length() >= MIN_LENGTH && w.length() <= MAX_LENGTH && letters(w)).sorted()
                .forEach(w -> lists.get(w.length()).get(slot(w.charAt(0))).add(w));
        for (int n = 0; n <= MAX_LENGTH; n++) {
            for (int f = 0; f < 27; f++) {
                words[n][f] = lists.get(n).get(f).toArray(new String[0]);
            }
        }
    }

    private static boolean letters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int slot(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : 26;
    }

    /** Whether {@code c} hides one letter ("s*icide", "suic#de", "s_icide", "s•icide"). */
    static boolean hides(char c) {
        return c == '*' || c == '#' || c == '_' || c == '•';
    }

    /** Flag of {@link #gap}: the hiding characters are all {@code _}, which also joins words ("want_to_die"). */
    static final int UNDERSCORES = 0x10;

    /**
     * What the original text between two pieces holds: the number of hiding characters when it
     * holds nothing else (1 to {@value #MAX_MASKS}), with {@link #UNDERSCORES} set when they are all
     * {@code _}; {@link #BREAK} when it is one {@code -} or {@code .}; else 0. Reads at most
     * {@value #MAX_MASKS} characters.
     */
    static int gap(String original, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_MASKS || from < 0 || to > original.length()) {
            return 0;
        }
        if (n == 1 && (original.charAt(from) == '-' || original.charAt(from) == '.')) {
            return BREAK;
        }
        boolean underscores = true;
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            if (!hides(c)) {
                return 0;
            }
            underscores &= c == '_';
        }
        return underscores ? n | UNDERSCORES : n;
    }

    /** Hidden letters of a {@link #gap} code (0 for a break or nothing). */
    static int hidden(int gap) {
        return gap > 0 ? gap & ~UNDERSCORES : 0;
    }

    /**
     * The normalised word {@code [from, to)} of {@code nt} with one {@link #HIDDEN} letter for each
     * hiding character between two letters the normaliser joined ("k**l" gives "k**l", where the
     * normalised text has "kl"), or {@code null} when there is none. One pass over the word.
     */
    static String template(NormalizedText nt, int from, int to) {
        StringBuilder b = null;
        String original = nt.original();
        String text = nt.text();
        int copied = from;
        for (int p = from + 1; p < to; p++) {
            if (!nt.softBoundaryBefore(p)) {
                continue;
            }
            int m = hidden(gap(original, nt.originalEnd(p), nt.originalStart(p)));
            if (m > 0) {
                if (b == null) {
                    b = new StringBuilder(to - from + MAX_MASKS);
                }
                b.append(text, copied, p);
                for (int k = 0; k < m; k++) {
                    b.append(HIDDEN);
                }
                copied = p;
            }
        }
        return b == null ? null : b.append(text, copied, to).toString();
    }

    /**
     * The listed word that the template spells, or {@code null} when none or more than one fits,
     * when it shows fewer than two letters or fewer letters than it hides.
     *
     * @param template letters and {@link #HIDDEN} letters, first and last shown
     */
    String read(CharSequence template) {
        int n = template.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH || template.charAt(0) == HIDDEN) {
            return null;
        }
        int hidden = 0;
        for (int i = 0; i < n; i++) {
            hidden += template.charAt(i) == HIDDEN ? 1 : 0;
        }
        if (n - hidden < 2 || n - hidden < hidden) {
            return null;
        }
        String found = null;
        for (String w : words[n][slot(template.charAt(0))]) {
            if (fits(w, template)) {
                if (found != null) {
                    return null;
                }
                found = w;
            }
        }
        return found != null ? found : inflected(template);
    }

    /**
     * The stem and ending that the template spells (see the class comment), or {@code null} when
     * none or more than one word fits. Compares the stems of the template's first letter only.
     */
    private String inflected(CharSequence template) {
        int n = template.length();
        int lastHidden = -1;
        for (int i = 0; i < n; i++) {
            lastHidden = template.charAt(i) == HIDDEN ? i : lastHidden;
        }
        String found = null;
        for (Stem s : stems[slot(template.charAt(0))]) {
            int k = s.letters.length();
            if (k >= n || k <= lastHidden || !fits(s.letters, template)) {
                continue;
            }
            String ending = template.subSequence(k, n).toString();
            if (s.endings.contains(ending)) {
                String word = s.letters + ending;
                if (found != null && !found.equals(word)) {
                    return null;
                }
                found = word;
            }
        }
        return found;
    }

    private static boolean fits(String w, CharSequence template) {
        for (int i = 0; i < w.length(); i++) {
            char c = template.charAt(i);
            if (c != HIDDEN && c != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
