package org.kindred.server.room;

/**
 * What a room decided about one request: a value ({@code refusal} null) or a {@link Refusal}
 * ({@code value} null). Rooms hand results to the request layer, which writes the replies.
 *
 * @param <T> what an accepted request yields
 */
public record Result<T>(T value, Refusal refusal) {
    static <T> Result<T> ok(T value) {
        return new Result<>(value, null);
    }

    static <T> Result<T> refused(Refusal refusal) {
        return new Result<>(null, refusal);
    }

    /** True when the request was accepted. */
    public boolean isOk() {
        return refusal == null;
    }
}
