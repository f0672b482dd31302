package org.kindred.server.handoff;

import java.util.Optional;
import org.kindred.protocol.Role;

/**
 * The private conversations as every node of a cluster sees them (kept in Redis; the assembly
 * adapts {@code broker.redis.RedisHandOffs}): one record per conversation, one conversation per
 * member, each ended once. Every method waits for the shared store: call it on the blocking
 * executor, never on an event loop. Methods throw unchecked exceptions when the store is
 * unreachable.
 */
public interface Ledger {

    /**
     * One conversation as recorded.
     *
     * @param room       the private room's id
     * @param memberId   the member invited
     * @param staffId    the staff session's member id
     * @param staffName  the staff member's account name (for "already talking with …")
     * @param staffNick  the staff member's nickname in the room
     * @param staffRole  the staff member's role
     * @param escalation the escalation it answers, or null
     * @param staffNode  the {@link #nodeId()} of the staff member's node
     * @param memberNode the node that invited the member, or null before one did
     * @param accepted   whether the member joined
     */
    record Record(String room, String memberId, String staffId, String staffName, String staffNick, Role staffRole,
            String escalation, String staffNode, String memberNode, boolean accepted) {
    }

    /** What {@link #check} found. */
    enum State {
        /** The conversation is not recorded any more: it ended. */
        ENDED,
        /** It is recorded, but the other side's node is gone. */
        NODE_GONE,
        /** It is recorded and the other side's node (if known yet) lives. */
        OPEN
    }

    /** This node's id as the records name it (its liveness is what {@link #check} looks at). */
    String nodeId();

    /** Records {@code r} unless its member already has a recorded conversation: null, or that conversation's room. */
    String claim(Record r);

    /** The record of {@code room}, if it lasts. */
    Optional<Record> find(String room);

    /** The room of {@code memberId}'s conversation, if any. */
    Optional<String> roomOf(String memberId);

    /** Notes that node {@code node} holds the member now; false when the conversation ended. */
    boolean memberAt(String room, String node);

    /** Notes that the member accepted; false when the conversation ended. */
    boolean accepted(String room);

    /** Ends the conversation: true for the one caller that ended it (who audits and tells the other nodes). */
    boolean end(String room, String memberId);

    /** Whether {@code room} lasts and the node of the side other than this node's lives ({@code staffSide}: this node holds the staff member). */
    State check(String room, boolean staffSide);
}
