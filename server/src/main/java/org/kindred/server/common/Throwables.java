package org.kindred.server.common;

/** Small helpers for failures. */
public final class Throwables {
    private Throwables() {
    }

    /** The innermost cause of {@code t} ({@code t} itself when it has none); stops at a self-cause. */
    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
