package org.kindred.server.session;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kindred.server.common.Timer;
import org.kindred.server.session.CheckIns.Carried;
import org.kindred.server.session.CheckIns.State;

/**
 * One session's check-ins, oldest first, keyed by check-in id: what {@link CheckIns} keeps per
 * session. Not thread-safe by itself: every call is made holding the book's own monitor
 * ({@code synchronized (book)}), which is how {@link CheckIns} orders requests from event loops
 * against due check-ins from the timer's thread. Nothing here sends or logs.
 */
final class CheckInBook {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One check-in: its id, when it comes due, where it stands and the timer task that brings it due. */
    static final class Entry {
        final String id;
        /** When it comes due, epoch ms. */
        final long dueAt;
        State state = State.PLANNED;
        Timer.Task task = () -> { };

        Entry(String id, long dueAt) {
            this.id = id;
            this.dueAt = dueAt;
        }
    }

    /** Adds {@code e} as the newest check-in (replacing one of the same id). */
    void add(Entry e) {
        entries.put(e.id, e);
    }

    /** The check-in of {@code id}, or null when the book has none. */
    Entry get(String id) {
        return entries.get(id);
    }

    /**
     * Takes the check-in of {@code id} out and cancels its timer task.
     *
     * @return the state it was in, or null when the book had none of that id
     */
    State remove(String id) {
        Entry e = entries.remove(id);
        if (e == null) {
            return null;
        }
        e.task.cancel();
        return e.state;
    }

    /** Cancels every timer task and forgets every check-in. */
    void clear() {
        for (Entry e : entries.values()) {
            e.task.cancel();
        }
        entries.clear();
    }

    /** How many check-ins are in {@code state} (0 or more). */
    int count(State state) {
        int n = 0;
        for (Entry e : entries.values()) {
            if (e.state == state) {
                n++;
            }
        }
        return n;
    }

    /** A copy of the check-ins in {@code state}, oldest first; the book may change while the caller walks it. */
    List<Entry> in(State state) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state == state) {
                out.add(e);
            }
        }
        return out;
    }

    /** When more than {@code max} check-ins are asked (unanswered), forgets the oldest asked one. */
    void forgetOldestAskedBeyond(int max) {
        if (count(State.ASKED) <= max) {
            return;
        }
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            if (it.next().state == State.ASKED) {
                it.remove();
                return;
            }
        }
    }

    /** Every check-in as a record carries it to another node, oldest first. */
    List<Carried> carried() {
        List<Carried> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(new Carried(e.id, e.state, e.dueAt)));
        return out;
    }

    /** The states of every check-in, oldest first. */
    List<State> states() {
        List<State> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(e.state));
        return out;
    }
}
