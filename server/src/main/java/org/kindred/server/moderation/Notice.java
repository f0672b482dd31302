package org.kindred.server.moderation;

import java.util.Objects;

/** A {@code notice} for the sender, e.g. code {@code masked}, with a sentence a person understands. */
public record Notice(String code, String text) {
    /** Code of the notice sent when text was changed before delivery. */
    public static final String MASKED = "masked";
    /** Code of the private notice to a sender whose message broke a rule of the room but was still delivered. */
    public static final String WARNED = "warned";

    public Notice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
