package org.kindred.server.moderation;

import java.util.Objects;
import org.kindred.server.i18n.Sentence;

/**
 * A {@code notice} for the sender, e.g. code {@code masked}, with a sentence a person understands;
 * the sentence is put into the sender's language where the notice is delivered.
 */
public record Notice(String code, Sentence text) {
    /** Code of the notice sent when text was changed before delivery. */
    public static final String MASKED = "masked";
    /** Code of the private notice to a sender whose message broke a rule of the room but was still delivered. */
    public static final String WARNED = "warned";

    public Notice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
