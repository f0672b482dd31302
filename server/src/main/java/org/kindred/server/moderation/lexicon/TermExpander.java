package org.kindred.server.moderation.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands brace alternatives in a lexicon line: {@code "fuck{,s,ing}"} gives "fuck", "fucks",
 * "fucking"; several groups multiply. Groups do not nest. Keeps lexicon files short while the
 * compiled lexicon holds every inflection and variant.
 */
final class TermExpander {
    /** Upper bound of expansions of one line, so a typo cannot explode memory. */
    static final int MAX_EXPANSIONS = 20_000;

    private TermExpander() {
    }

    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        out.add("");
        int i = 0;
        while (i < pattern.length()) {
            char ch = pattern.charAt(i);
            if (ch == '}') {
                throw new IllegalArgumentException("unmatched '}' at column " + (i + 1) + " (expected: {a,b} groups)");
            }
            if (ch != '{') {
                int next = nextBrace(pattern, i);
                String literal = pattern.substring(i, next);
                out.replaceAll(prefix -> prefix + literal);
                i = next;
                continue;
            }
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' at column " + (i + 1) + " (expected: {a,b} groups)");
            }
            String body = pattern.substring(i + 1, close);
            if (body.indexOf('{') >= 0) {
                throw new IllegalArgumentException("nested '{' at column " + (i + 1) + " (expected: flat {a,b} groups)");
            }
            String[] alternatives = body.split(",", -1);
            if ((long) out.size() * alternatives.length > MAX_EXPANSIONS) {
                throw new IllegalArgumentException("line expands to more than " + MAX_EXPANSIONS
                        + " terms (expected: fewer groups or alternatives)");
            }
            List<String> next = new ArrayList<>(out.size() * alternatives.length);
            for (String prefix : out) {
                for (String alt : alternatives) {
                    next.add(prefix + alt); // spaces are kept: "{,a }" means nothing or "a "
                }
            }
            out = next;
            i = close + 1;
        }
        return out;
    }

    private static int nextBrace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '{' || ch == '}') {
                return i;
            }
        }
        return s.length();
    }
}
