package org.kindred.server.room;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who reported which message of a room, so each member reports a message once. Only messages
 * still in the room's history can be reported, so entries for messages that left it are
 * dropped whenever the ledger holds twice as many messages as the history. Confined to the
 * room's thread.
 */
final class ReportLedger {
    private final Map<String, Set<String>> reporters = new HashMap<>();

    /** Records that {@code member} reported {@code msg}; false if it already had. */
    boolean add(String msg, String member, History history) {
        if (reporters.size() > 2 * Math.max(1, history.size())) { // amortised: a sweep per history's worth
            reporters.keySet().removeIf(m -> history.find(m) == null);
        }
        return reporters.computeIfAbsent(msg, k -> new HashSet<>()).add(member);
    }

    /** Whether {@code member} has reported {@code msg}. */
    boolean has(String msg, String member) {
        Set<String> who = reporters.get(msg);
        return who != null && who.contains(member);
    }

    /** Forgets a message's reports (e.g. it was deleted). */
    void forget(String msg) {
        reporters.remove(msg);
    }

    int size() {
        return reporters.size();
    }
}
