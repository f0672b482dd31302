package org.kindred.server.moderator;

import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.store.Mute;
import org.kindred.server.store.MuteStore;

/**
 * Mutes written through to the store and, with several nodes, published as {@link StaffChange}s
 * so that every node pauses (or lets go of) the member in its copy of the room
 * ({@link StaffSync}). The room of this node is changed by the caller, after the store. Methods
 * block on the store: call them from the blocking executor.
 */
public final class Mutes {
    private final MuteStore store;
    private final ClusterEvents events;

    /**
     * @param events where mutes and lifts made here are published (null: one node, nothing to tell)
     */
    public Mutes(MuteStore store, ClusterEvents events) {
        this.store = store;
        this.events = events;
    }

    /** Where mutes are published (null: one node); the other staff changes about rooms go there too. */
    ClusterEvents events() {
        return events;
    }

    /** Records (or replaces) a mute durably, then tells the other nodes. */
    public void put(Mute m) {
        store.put(m);
        if (events != null) {
            events.publish(StaffChange.mute(m.room(), m.memberId(), events.nodeId()));
        }
    }

    /** Ends a mute durably, then tells the other nodes; false when there was none in the store. */
    public boolean remove(String room, String memberId) {
        boolean had = store.remove(room, memberId);
        if (had && events != null) {
            events.publish(StaffChange.unmute(room, memberId, events.nodeId()));
        }
        return had;
    }

    /**
     * What a muted member is told: how long, and the moderator's reason (as typed) when there is one;
     * put into the member's language where it is delivered.
     *
     * @param seconds the mute's length, &gt;= 1
     * @param reason  the moderator's reason, or null or blank
     */
    public static Sentence sentence(long seconds, String reason) {
        Sentence duration = Sentence.duration(seconds);
        return reason == null || reason.isBlank() ? Sentence.of("notice.muted", "duration", duration)
                : Sentence.of("notice.muted.reason", "duration", duration).with("reason", reason);
    }
}
