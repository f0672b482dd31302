package org.kindred.server.moderation.lexicon;

import java.util.List;
import java.util.Set;

/** A compiled lexicon term. Immutable. */
public final class Term {
    private final String text;
    private final char[] squeezed;
    private final byte[] minRun;
    private final Set<String> categories;
    private final boolean substring;
    private final String[] allow;
    private final String[] notAfter;

    Term(String text, Set<String> categories, boolean substring, List<String> allow, List<String> notAfter) {
        this.text = text;
        this.categories = Set.copyOf(categories);
        this.substring = substring;
        this.allow = allow.toArray(new String[0]);
        this.notAfter = notAfter.toArray(new String[0]);
        StringBuilder sq = new StringBuilder(text.length());
        byte[] runs = new byte[text.length()];
        int k = -1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (k >= 0 && sq.charAt(k) == ch && AhoCorasick.isLetter(ch)) {
                runs[k] = (byte) Math.min(2, runs[k] + 1);
            } else {
                sq.append(ch);
                runs[++k] = 1;
            }
        }
        this.squeezed = sq.toString().toCharArray();
        this.minRun = java.util.Arrays.copyOf(runs, squeezed.length);
    }

    /** The normalised term. */
    public String text() {
        return text;
    }

    public Set<String> categories() {
        return categories;
    }

    /** Whether the term also matches inside words. */
    public boolean substring() {
        return substring;
    }

    String squeezedString() {
        return new String(squeezed);
    }

    char[] squeezed() {
        return squeezed;
    }

    byte[] minRun() {
        return minRun;
    }

    String[] allow() {
        return allow;
    }

    String[] notAfter() {
        return notAfter;
    }

    @Override
    public String toString() {
        return "Term[length=" + text.length() + ", categories=" + categories + "]"; // no content in logs
    }
}
