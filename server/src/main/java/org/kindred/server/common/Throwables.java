package org.kindred.server.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers for failures: walking a throwable's chain of causes. */
public final class Throwables {
    private Throwables() {
    }

    /**
     * {@code t} and its causes, outermost first. The walk stops before a throwable it has already
     * seen, so a self-cause or a loop of causes ends it.
     */
    public static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null && !seen(out, c); c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    /** The innermost cause of {@code t} ({@code t} itself when it has none). */
    public static Throwable rootCause(Throwable t) {
        List<Throwable> all = chain(t);
        return all.get(all.size() - 1);
    }

    /** The outermost of {@code t} and its causes that is a {@code type}, if any. */
    public static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        for (Throwable c : chain(t)) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    private static boolean seen(List<Throwable> out, Throwable c) {
        for (Throwable o : out) {
            if (o == c) {
                return true;
            }
        }
        return false;
    }
}
