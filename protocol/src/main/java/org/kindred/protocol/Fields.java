package org.kindred.protocol;

import java.util.List;

/** Validation helpers used by the records' compact constructors. */
final class Fields {
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

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
