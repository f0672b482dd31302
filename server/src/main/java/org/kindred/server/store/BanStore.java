package org.kindred.server.store;

import java.util.List;
import java.util.Optional;

/** Bans, looked up by member id or network fingerprint. */
public interface BanStore {

    /** Records a ban and returns it with its new id. Durable on return. */
    Ban add(NewBan ban);

    Optional<Ban> find(String id);

    /**
     * The ban in force at {@code now} that covers the member id or the fingerprint (either
     * may be null), preferring a permanent ban, then the one that ends last.
     */
    Optional<Ban> activeFor(String memberId, String fingerprint, long now);

    /** Every ban in force at {@code now}, oldest first (e.g. to warm a cache at start). */
    List<Ban> listActive(long now);

    /**
     * Records the network fingerprint of a ban made without one (the banned member was connected
     * to another node of a cluster, the one that knows its fingerprint).
     *
     * @return false when the ban is unknown or already has a fingerprint
     */
    boolean addFingerprint(String id, String fingerprint);

    /** Lifts a ban in force; false when unknown, already lifted or already expired. */
    boolean lift(String id, String liftedBy, long at);
}
