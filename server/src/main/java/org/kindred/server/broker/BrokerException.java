package org.kindred.server.broker;

/** A {@link Broker} could not accept a publication; nothing of it was delivered or kept. */
public final class BrokerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without any user text */
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
