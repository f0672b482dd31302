package org.kindred.server.moderation;

import java.util.Objects;

/** A {@code notice} for the sender, e.g. code {@code masked}, with a sentence a person understands. */
public record Notice(String code, String text) {
    /** Code of the notice sent when text was changed before delivery. */
    public static final String MASKED = "masked";

    public Notice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
