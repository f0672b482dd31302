package org.kindred.protocol;

/**
 * Result of decoding one client frame: either a request, or the {@code error} to reply with
 * (which echoes the request's {@code id} when one could be read).
 */
public record Decoded(ClientMessage message, ServerMessage.Error error) {

    /** A successfully decoded request. */
    public static Decoded ok(ClientMessage message) {
        return new Decoded(message, null);
    }

    /** A refused frame: the {@code error} to reply with, echoing {@code id} (may be null). */
    public static Decoded failed(String id, ErrorCode code, String sentence) {
        return new Decoded(null, ServerMessage.Error.of(id, code, sentence));
    }

    /** True when {@link #message()} holds the request (and {@link #error()} is null). */
    public boolean isOk() {
        return message != null;
    }
}
