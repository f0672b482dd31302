package org.kindred.server.moderation;

/** What happens to a message; see "Moderation as seen on the wire" in PROTOCOL.md. */
public enum Outcome {
    /** Delivered unchanged: {@code sent} status {@code delivered}. */
    DELIVER,
    /** Delivered with parts hidden: {@code sent} status {@code masked}. */
    MASK,
    /** Waits for a moderator: {@code sent} status {@code held}, {@code mod.held}. */
    HOLD,
    /** Not delivered: {@code error blocked}. */
    BLOCK,
    /** Not delivered: {@code error rate_limited} with {@code retryAfterMs}. */
    RATE_LIMITED,
    /** Not delivered: {@code error text_invalid}. */
    INVALID;

    /** True for outcomes after which the room sees (or may later see) the message. */
    public boolean accepted() {
        return this == DELIVER || this == MASK || this == HOLD;
    }
}
