package org.kindred.server.store;

/**
 * The store could not do what was asked (I/O error, database closed, constraint broken in
 * an unexpected way). Whether the change was committed is unknown: do not acknowledge it.
 * Messages never contain stored content.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
