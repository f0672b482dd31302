package org.kindred.protocol;

import java.util.List;

/**
 * Validation helpers used by the records' compact constructors. Each check is a single pass over
 * the value (linear, no regular expressions) and throws {@link ProtocolException} with
 * {@link ErrorCode#BAD_REQUEST} and a sentence naming the field.
 */
final class Fields {
    /** Longest identifier accepted in a request ({@code room}, {@code msg}, {@code member}, …). */
    static final int MAX_IDENTIFIER_LENGTH = 64;
    /** Most entries accepted in a list of identifiers ({@code mod.watch} {@code rooms}). */
    static final int MAX_IDENTIFIER_LIST = 256;
    /** Longest duration accepted in {@code seconds}: 100 years; larger values would overflow milliseconds. */
    static final long MAX_SECONDS = 100L * 366 * 24 * 3600;

    private Fields() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field '" + field + "' is required.");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        required(value, field);
        if (value.isEmpty()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field '" + field + "' must not be empty.");
        }
        return value;
    }

    /**
     * A required identifier: 1 to {@value #MAX_IDENTIFIER_LENGTH} characters, each an ASCII letter
     * or digit or one of {@code _ - . :}. Every identifier the server hands out (room, message,
     * member, report, escalation and ban ids) has this shape, so anything else cannot name
     * something that exists.
     */
    static String identifier(String value, String field) {
        required(value, field);
        if (!isIdentifier(value)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field '" + field
                    + "' must be an identifier: 1 to " + MAX_IDENTIFIER_LENGTH
                    + " letters, digits, '_', '-', '.' or ':'.");
        }
        return value;
    }

    /** As {@link #identifier}, but absent ({@code null}) is allowed. */
    static String optionalIdentifier(String value, String field) {
        return value == null ? null : identifier(value, field);
    }

    /** True when {@code value} has the shape of an identifier (see {@link #identifier}). */
    static boolean isIdentifier(String value) {
        int n = value.length();
        if (n == 0 || n > MAX_IDENTIFIER_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A required list of identifiers (each may also be {@code wildcard} when not null), at most
     * {@value #MAX_IDENTIFIER_LIST} entries; returned as an immutable copy.
     */
    static List<String> identifiers(List<String> value, String field, String wildcard) {
        required(value, field);
        if (value.size() > MAX_IDENTIFIER_LIST) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field '" + field + "' may hold at most "
                    + MAX_IDENTIFIER_LIST + " entries.");
        }
        for (String v : value) {
            if (v == null || !(isIdentifier(v) || v.equals(wildcard))) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "Each entry of '" + field
                        + "' must be an identifier: 1 to " + MAX_IDENTIFIER_LENGTH
                        + " letters, digits, '_', '-', '.' or ':'" + (wildcard == null ? "" : ", or '" + wildcard + "'")
                        + ".");
            }
        }
        return List.copyOf(value);
    }

    static long nonNegative(Long value, String field) {
        required(value, field);
        if (value < 0) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field '" + field + "' must not be negative.");
        }
        return value;
    }

    static Long optionalNonNegative(Long value, String field) {
        return value == null ? null : nonNegative(value, field);
    }

    /** A required duration in seconds: 0 to {@link #MAX_SECONDS}. */
    static long seconds(Long value, String field) {
        nonNegative(value, field);
        if (value > MAX_SECONDS) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field '" + field + "' must be at most "
                    + MAX_SECONDS + " (100 years).");
        }
        return value;
    }

    /** As {@link #seconds}, but absent ({@code null}) is allowed. */
    static Long optionalSeconds(Long value, String field) {
        return value == null ? null : seconds(value, field);
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
