package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * The text-level steps of {@link PatternParser}: groups that hold nested groups, {@code $},
 * {@code #} or gaps rewritten into one flat pattern per alternative, and a flat pattern split into
 * its items. Works on the pattern's characters only, before any word is normalised. Stateless.
 */
final class PatternSyntax {
    private PatternSyntax() {
    }

    /**
     * Rewrites groups that hold nested groups, {@code $}, {@code #} or gaps into plain sequences,
     * one pattern per alternative ("(live ($|anymore)|exist)" gives "live $", "live anymore", "exist").
     */
    static void expandNested(String pattern, String at, List<String> out) {
        int depth = 0;
        int open = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '(') {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException(at + ": unbalanced ')' (expected: (a|b))");
                }
                if (depth == 0) {
                    String inner = pattern.substring(open + 1, i);
                    if (inner.contains("(") || inner.contains("$") || inner.contains("~") || inner.contains("#")) {
                        boolean optional = i + 1 < pattern.length() && pattern.charAt(i + 1) == '?';
                        String before = pattern.substring(0, open);
                        String after = pattern.substring(optional ? i + 2 : i + 1);
                        List<String> alts = splitTopLevel(inner);
                        if (optional) {
                            alts.add("");
                        }
                        for (String alt : alts) {
                            expandNested((before + " " + alt + " " + after).trim().replaceAll("\\s+", " "), at, out);
                            if (out.size() > PatternParser.MAX_VARIANTS) {
                                throw new IllegalArgumentException(at + ": expands to too many variants (expected: at most "
                                        + PatternParser.MAX_VARIANTS + ")");
                            }
                        }
                        return;
                    }
                }
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(at + ": unbalanced '(' (expected: (a|b))");
        }
        out.add(pattern);
    }

    /** The alternatives of a group's inside, split at each {@code |} outside nested groups. */
    private static List<String> splitTopLevel(String inner) {
        List<String> alts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alts.add(inner.substring(from, i).trim());
                from = i + 1;
            }
        }
        alts.add(inner.substring(from).trim());
        return alts;
    }

    /**
     * The pattern's items, split at white space outside groups ("(a b|c) d" gives "(a b|c)", "d").
     *
     * @throws IllegalArgumentException naming {@code at} when the brackets are unbalanced
     */
    static List<String> lex(String pattern, String at) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : pattern.trim().toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException(at + ": unbalanced ')' (expected: (a|b))");
                }
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(at + ": unbalanced '(' (expected: (a|b))");
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
