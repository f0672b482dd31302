package org.kindred.server.crisis;

/**
 * Receives every change to escalations, in the order the changes happened.
 *
 * <p>Guarantees: called once per change, synchronously on the thread that made it and while
 * the service's lock is held, so events for one service never interleave or reorder. Hence an
 * implementation must be quick and must not block or call back into a different thread that
 * waits for the service: hand the event to the owning event loop (push {@code mod.escalation},
 * append to the audit log) and return. An exception thrown here is logged and swallowed; it
 * never undoes the change.
 */
@FunctionalInterface
public interface EscalationListener {
    /** A listener that ignores everything. */
    EscalationListener NONE = event -> { };

    void onEscalation(EscalationEvent event);
}
