package org.kindred.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Messages held for review; their text and how their writer appeared (nickname, role) are kept only
 * until decided or purged.
 */
public interface HeldStore {

    /** Stores a pending held message; its msg id must be new. */
    void add(HeldMessage message);

    /** The held message, with its text while pending. */
    Optional<HeldMessage> find(String msgId);

    /** Pending held messages, oldest first. */
    List<HeldMessage> listPending();

    /**
     * Decides a pending message: sets the status, erases the stored text and the writer's nickname
     * and role, and returns the message as it was <em>with</em> them (so an approved one can be
     * delivered under that nickname) and the new status. Empty when unknown or already decided; at most one concurrent caller wins.
     *
     * @param decision {@link HeldStatus#APPROVED} or {@link HeldStatus#REJECTED}
     */
    Optional<HeldMessage> decide(String msgId, HeldStatus decision, String moderator, long at);
}
