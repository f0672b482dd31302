package org.kindred.server.crisis;

/** A claim or resolve that cannot be done, with a reason the server maps to a wire error. */
public final class EscalationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** No such escalation (never existed, or resolved long ago and forgotten): {@code not_found}. */
        NOT_FOUND,
        /** Another moderator has already claimed it: {@code forbidden}. */
        CLAIMED_BY_OTHER,
        /** It is already resolved: {@code bad_request}. */
        ALREADY_RESOLVED,
        /** A missing or malformed argument: {@code bad_request}. */
        INVALID
    }

    private final Reason reason;

    public EscalationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
