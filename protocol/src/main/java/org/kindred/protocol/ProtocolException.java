package org.kindred.protocol;

/**
 * A request that is well-formed JSON but breaks the contract (a field missing, out of range).
 * The message is a sentence a person can read; it becomes the {@code error} reply's message.
 */
public final class ProtocolException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
