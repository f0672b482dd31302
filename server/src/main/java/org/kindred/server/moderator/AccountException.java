package org.kindred.server.moderator;

/** An account operation was refused; {@link #reason()} says why. Never carries a password. */
public final class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an account operation was refused. */
    public enum Reason { INVALID_NAME, INVALID_PASSWORD, INVALID_ROLE, EXISTS, NOT_FOUND }

    private final Reason reason;

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
