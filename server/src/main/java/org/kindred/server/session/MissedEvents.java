package org.kindred.server.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.kindred.protocol.ServerMessage;

/**
 * The events a detached session keeps for its resume, oldest first, at most {@code limit} (the
 * oldest go first). Events kept by another node's copy of the session ({@link KeptEvent}) are merged
 * in where they happened among the messages. Not thread-safe: the session guards it.
 */
final class MissedEvents {
    private final int limit;
    private ArrayDeque<ServerMessage> missed;
    /** True from a drop of the connection until the next attach (events then kept are told to {@link #hook}). */
    private boolean away;
    /** Told of each event kept while away after a drop (in a cluster, to record it), or null. */
    private volatile BiConsumer<Session, KeptEvent> hook;

    MissedEvents(int limit) {
        this.limit = limit;
    }

    void onKept(BiConsumer<Session, KeptEvent> hook) {
        this.hook = hook;
    }

    /** The connection dropped ({@code true}) or a new one is attached. */
    void away(boolean away) {
        this.away = away;
    }

    /**
     * Keeps {@code message} for the resume of {@code s} (typing is never kept); after a drop, tells
     * the hook of one a resume on another node needs ({@link KeptEvents#recorded}), with where it came
     * among the room's messages ({@code marks}: what was sent before the drop).
     */
    void keep(Session s, ServerMessage message, SeqMarks marks) {
        if (message instanceof ServerMessage.Typing) {
            return;
        }
        BiConsumer<Session, KeptEvent> h = hook;
        if (away && h != null && KeptEvents.recorded(message)) {
            String room = KeptEvents.roomOf(message);
            h.accept(s, new KeptEvent(room, room == null ? 0 : lastSeq(room, marks.sentSeq(room)), message));
        }
        add(message);
    }

    void add(ServerMessage message) {
        if (missed == null) {
            missed = new ArrayDeque<>();
        }
        if (missed.size() >= limit) {
            missed.removeFirst();
        }
        missed.addLast(message);
    }

    /** Everything kept, oldest first, and nothing kept any more. */
    List<ServerMessage> drain() {
        List<ServerMessage> all = missed == null ? List.of() : List.copyOf(missed);
        missed = null;
        return all;
    }

    void clear() {
        missed = null;
    }

    /** The {@code seq} of the last message of {@code room} kept, or {@code otherwise} when none is. */
    long lastSeq(String room, long otherwise) {
        if (missed != null) {
            var it = missed.descendingIterator();
            while (it.hasNext()) {
                if (it.next() instanceof ServerMessage.Message m && m.room().equals(room)) {
                    return m.seq();
                }
            }
        }
        return otherwise;
    }

    /**
     * Merges {@code kept} (in their order) into what is kept here: each after the kept messages of
     * its room up to its {@code after}, before later ones. With {@code skipKnown}, an event equal
     * to one kept here already is left out (it reached this copy too).
     */
    void merge(List<KeptEvent> kept, boolean skipKnown) {
        if (kept.isEmpty()) {
            return;
        }
        List<ServerMessage> here = drain();
        List<ServerMessage> out = new ArrayList<>(here.size() + kept.size());
        int i = 0;
        for (KeptEvent k : kept) {
            if (skipKnown && here.contains(k.event())) {
                continue;
            }
            if (k.room() != null) {
                int last = -1;
                for (int j = i; j < here.size(); j++) {
                    if (here.get(j) instanceof ServerMessage.Message m && m.room().equals(k.room())
                            && m.seq() <= k.after()) {
                        last = j;
                    }
                }
                while (i <= last) {
                    out.add(here.get(i++));
                }
            }
            out.add(k.event());
        }
        out.addAll(here.subList(i, here.size()));
        for (ServerMessage m : out) {
            add(m);
        }
    }
}
