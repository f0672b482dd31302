package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The supportive reactions of protocol 1.1 ({@code react}, the {@code reaction} event and the
 * {@code reactions} counts of history messages): {@code heart}, {@code hug}, {@code strength} and
 * {@code same} ("me too"). There is no negative reaction, on purpose.
 */
public enum ReactionKind {
    HEART, HUG, STRENGTH, SAME;

    private static final ReactionKind[] ALL = values();

    /** The wire form, e.g. {@code "hug"}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The reaction of its wire form.
     *
     * @param wire the value of a request's {@code reaction} field (never null here)
     * @throws ProtocolException {@code bad_request} for anything but {@code heart}, {@code hug},
     *         {@code strength} and {@code same} (exact, lower case)
     */
    public static ReactionKind parse(String wire) {
        for (ReactionKind k : ALL) {
            if (k.wire().equals(wire)) {
                return k;
            }
        }
        throw new ProtocolException(ErrorCode.BAD_REQUEST,
                "The field 'reaction' must be one of heart, hug, strength or same.");
    }
}
