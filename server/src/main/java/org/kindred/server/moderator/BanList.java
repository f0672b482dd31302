package org.kindred.server.moderator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kindred.server.store.Ban;
import org.kindred.server.store.BanStore;
import org.kindred.server.store.NewBan;

/**
 * The bans in force, held in memory for the hot checks of {@code hello} and {@code join} and
 * written through to the durable store first: a ban is in this list only once it is durable.
 * Loaded from the store at start-up, so bans survive restarts.
 */
public final class BanList {
    private final BanStore store;
    private final LongSupplier clock;
    private final Map<String, Ban> byId = new ConcurrentHashMap<>();

    public BanList(BanStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
        for (Ban b : store.listActive(clock.getAsLong())) {
            byId.put(b.id(), b);
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

    /** The bans in force now, in no particular order. Never blocks. */
    public java.util.List<Ban> active() {
        long now = clock.getAsLong();
        return byId.values().stream().filter(b -> b.isActiveAt(now)).toList();
    }

    /** Records a ban durably, then enforces it. Blocks on the store. */
    public Ban add(NewBan ban) {
        Ban b = store.add(ban);
        byId.put(b.id(), b);
        return b;
    }

    /** Lifts a ban durably; false when unknown or no longer in force. Blocks on the store. */
    public boolean lift(String id, String by) {
        boolean lifted = store.lift(id, by, clock.getAsLong());
        byId.remove(id);
        return lifted;
    }
}
