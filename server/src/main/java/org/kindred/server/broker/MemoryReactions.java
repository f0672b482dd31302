package org.kindred.server.broker;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.ReactionCounts;
import org.kindred.protocol.ReactionKind;
import org.kindred.protocol.ServerMessage;

/**
 * {@link Reactions} in memory, following the {@link History} given: per room, per message, the
 * ids of the members holding each kind. Each room's state is guarded by its own lock (taken
 * before the history's, which never calls back here). Messages the history no longer keeps are
 * swept out whenever a room tracks more than twice as many messages as its history holds (one
 * {@link History#recent} per sweep, so the cost per reaction stays constant, amortised), which
 * bounds a room's state by about twice its history. Forgets everything on restart.
 */
public final class MemoryReactions implements Reactions {
    private final History history;
    private final Map<String, RoomReactions> rooms = new ConcurrentHashMap<>();

    /** One room: for each message with reactions, who holds each kind. */
    private static final class RoomReactions {
        final Map<String, EnumMap<ReactionKind, Set<String>>> byMessage = new HashMap<>();
    }

    /** @param history the history whose messages may get reactions (the rooms' own) */
    public MemoryReactions(History history) {
        this.history = java.util.Objects.requireNonNull(history, "history");
    }

    @Override
    public Outcome react(String room, String msg, String member, ReactionKind kind, boolean remove, long now) {
        RoomReactions r = rooms.computeIfAbsent(room, k -> new RoomReactions());
        synchronized (r) {
            if (history.find(room, msg, now).isEmpty()) {
                r.byMessage.remove(msg);
                return Outcome.NOT_FOUND;
            }
            EnumMap<ReactionKind, Set<String>> kinds = r.byMessage.get(msg);
            if (kinds == null) {
                if (remove) {
                    return new Outcome(true, false, 0);
                }
                sweepIfLarge(room, r, now);
                kinds = new EnumMap<>(ReactionKind.class);
                r.byMessage.put(msg, kinds);
            }
            Set<String> holders = kinds.get(kind);
            boolean changed;
            if (remove) {
                changed = holders != null && holders.remove(member);
                if (holders != null && holders.isEmpty()) {
                    kinds.remove(kind);
                    if (kinds.isEmpty()) {
                        r.byMessage.remove(msg);
                    }
                }
            } else {
                changed = kinds.computeIfAbsent(kind, k -> new HashSet<>()).add(member);
            }
            Set<String> after = kinds.get(kind);
            return new Outcome(true, changed, after == null ? 0 : after.size());
        }
    }

    @Override
    public ReactionCounts counts(String room, String msg) {
        RoomReactions r = rooms.get(room);
        if (r == null) {
            return ReactionCounts.NONE;
        }
        synchronized (r) {
            EnumMap<ReactionKind, Set<String>> kinds = r.byMessage.get(msg);
            if (kinds == null) {
                return ReactionCounts.NONE;
            }
            ReactionCounts c = ReactionCounts.NONE;
            for (Map.Entry<ReactionKind, Set<String>> e : kinds.entrySet()) {
                c = c.with(e.getKey(), e.getValue().size());
            }
            return c;
        }
    }

    @Override
    public int tracked(String room) {
        RoomReactions r = rooms.get(room);
        if (r == null) {
            return 0;
        }
        synchronized (r) {
            return r.byMessage.size();
        }
    }

    @Override
    public void clear(String room) {
        rooms.remove(room);
    }

    /** Before a message gets its first reaction: drops those the history no longer keeps, once enough piled up. */
    private void sweepIfLarge(String room, RoomReactions r, long now) {
        if (r.byMessage.size() < 2 * Math.max(1, history.size(room))) {
            return;
        }
        Set<String> kept = new HashSet<>();
        for (ServerMessage.Message m : history.recent(room, now)) {
            kept.add(m.msg());
        }
        r.byMessage.keySet().retainAll(kept);
    }
}
