package org.kindred.server.session;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Nickname rules of PROTOCOL.md: 2–24 characters after trimming; letters, digits, spaces and
 * {@code _ - .}; accepted by the abuse filter. Thread-safe.
 */
public final class NickRules {
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _.\\-]{2,24}");
    private final Predicate<String> abuseFilter;

    /** @param abuseFilter returns true for a nickname the abuse filter accepts */
    public NickRules(Predicate<String> abuseFilter) {
        this.abuseFilter = abuseFilter;
    }

    /** The trimmed nickname with inner runs of spaces collapsed, or null when it is not acceptable. */
    public String normalise(String nick) {
        if (nick == null) {
            return null;
        }
        String n = nick.strip().replaceAll(" {2,}", " ");
        if (!ALLOWED.matcher(n).matches() || !abuseFilter.test(n)) {
            return null;
        }
        return n;
    }
}
