package org.kindred.server.crisis;

import java.util.Set;

/** One step of a {@link PhrasePattern}. Immutable. */
final class PatternElement {
    enum Kind { WORD, NUMBER, GAP, END }

    final Kind kind;
    final Set<String> exact;
    final String[] prefixes;
    final boolean optional;
    final int maxGap;

    private PatternElement(Kind kind, Set<String> exact, String[] prefixes, boolean optional, int maxGap) {
        this.kind = kind;
        this.exact = exact;
        this.prefixes = prefixes;
        this.optional = optional;
        this.maxGap = maxGap;
    }

    static PatternElement word(Set<String> exact, String[] prefixes, boolean optional) {
        return new PatternElement(Kind.WORD, Set.copyOf(exact), prefixes.clone(), optional, 0);
    }

    static PatternElement number(boolean optional) {
        return new PatternElement(Kind.NUMBER, Set.of(), new String[0], optional, 0);
    }

    static PatternElement gap(int max) {
        return new PatternElement(Kind.GAP, Set.of(), new String[0], false, max);
    }

    static PatternElement end() {
        return new PatternElement(Kind.END, Set.of(), new String[0], false, 0);
    }

    PatternElement required() {
        return new PatternElement(kind, exact, prefixes, false, maxGap);
    }

    boolean accepts(Token t) {
        if (kind == Kind.NUMBER) {
            return t.number;
        }
        if (exact.contains(t.text)) {
            return true;
        }
        for (String p : prefixes) {
            if (t.text.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
