package org.kindred.server.moderator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.store.Ban;
import org.kindred.server.store.BanStore;
import org.kindred.server.store.NewBan;

/**
 * The bans in force, held in memory for the hot checks of {@code hello} and {@code join} and
 * written through to the durable store first: a ban is in this list only once it is durable.
 * Loaded from the store at start-up, so bans survive restarts. With several nodes sharing the
 * store, each node keeps its own list: a ban or lift made here is published as a
 * {@link StaffChange} so that the other nodes {@link #reload} theirs ({@link StaffSync}).
 *
 * <p>The methods that write or read the store ({@link #reload}, {@link #add}, {@link #lift},
 * {@link #addFingerprint}) run one at a time on a node, each from its store call to the update of
 * the list: a reload that read the store before a ban, a lift or a fingerprint was written can
 * no longer replace the list after it (dropping a ban made here, or holding one without the
 * network fingerprint another node added). The checks ({@link #activeFor}, {@link #inForce},
 * {@link #active}) never wait for them.
 */
public final class BanList {
    private final BanStore store;
    private final LongSupplier clock;
    private final ClusterEvents events;
    private final Map<String, Ban> byId = new ConcurrentHashMap<>();
    /** Held from a store call to the update of {@link #byId} that follows it. */
    private final Object writes = new Object();

    /** A list for one node alone: nothing is published. */
    public BanList(BanStore store, LongSupplier clock) {
        this(store, clock, null);
    }

    /**
     * @param events where bans and lifts made here are published (null: one node, nothing to tell)
     */
    public BanList(BanStore store, LongSupplier clock, ClusterEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        reload();
    }

    /**
     * Reads the bans in force from the store again, replacing what is held (e.g. after another
     * node banned or lifted). Blocks on the store.
     */
    public void reload() {
        synchronized (writes) {
            Map<String, Ban> fresh = new java.util.HashMap<>();
            for (Ban b : store.listActive(clock.getAsLong())) {
                fresh.put(b.id(), b);
            }
            byId.keySet().retainAll(fresh.keySet());
            byId.putAll(fresh);
        }
    }

    /** The ban in force covering the member or the fingerprint (either may be null). Never blocks. */
    public Optional<Ban> activeFor(String memberId, String fingerprint) {
        long now = clock.getAsLong();
        Ban found = null;
        for (Ban b : byId.values()) {
            if (!b.isActiveAt(now)) {
                continue;
            }
            boolean covers = (memberId != null && memberId.equals(b.memberId()))
                    || (fingerprint != null && fingerprint.equals(b.fingerprint()));
            if (covers && (found == null || found.expiresAt() != null
                    && (b.expiresAt() == null || b.expiresAt() > found.expiresAt()))) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The ban with {@code id} if it is held and in force now, else empty. Never blocks. */
    public Optional<Ban> inForce(String id) {
        Ban b = id == null ? null : byId.get(id);
        return b != null && b.isActiveAt(clock.getAsLong()) ? Optional.of(b) : Optional.empty();
    }

    /** The bans in force now, in no particular order. Never blocks. */
    public java.util.List<Ban> active() {
        long now = clock.getAsLong();
        return byId.values().stream().filter(b -> b.isActiveAt(now)).toList();
    }

    /** Records a ban durably, then enforces it. Blocks on the store. */
    public Ban add(NewBan ban) {
        Ban b;
        synchronized (writes) {
            b = store.add(ban);
            byId.put(b.id(), b);
        }
        if (events != null) {
            events.publish(StaffChange.ban(b.id(), b.memberId(), events.nodeId()));
        }
        return b;
    }

    /** True when a member not connected to this node may be connected to another one (a cluster). */
    public boolean clustered() {
        return events != null && events.reachesOtherNodes();
    }

    /**
     * Completes a ban made on another node without the member's network fingerprint (this node
     * holds the member's session and knows it): stores it, reloads, and tells the other nodes.
     * Blocks on the store.
     */
    void addFingerprint(String banId, String fingerprint) {
        Ban b;
        synchronized (writes) {
            if (fingerprint == null || !store.addFingerprint(banId, fingerprint)) {
                return;
            }
            reload();
            b = byId.get(banId);
        }
        if (events != null && b != null) {
            events.publish(StaffChange.ban(banId, b.memberId(), events.nodeId()));
        }
    }

    /** Lifts a ban durably; false when unknown or no longer in force. Blocks on the store. */
    public boolean lift(String id, String by) {
        boolean lifted;
        synchronized (writes) {
            lifted = store.lift(id, by, clock.getAsLong());
            byId.remove(id);
        }
        if (lifted && events != null) {
            events.publish(StaffChange.unban(id, events.nodeId()));
        }
        return lifted;
    }
}
