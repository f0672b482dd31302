package org.kindred.server.broker;

import java.util.List;
import java.util.Optional;
import org.kindred.protocol.ServerMessage;

/**
 * Each room's recent messages for members who join later: at most the last N, none older than
 * the maximum age (both fixed by the implementation), oldest first. Nothing here is durable:
 * the in-memory implementation forgets everything on restart, by design (a support group's
 * words are not kept). Thread-safe.
 *
 * <p>Like {@link Presence}, calls may wait for the network and throw an unchecked exception when
 * the store of the history is unreachable; the rooms make them on the room's thread, never on an
 * event loop when the engines do I/O.
 */
public interface History {

    /** Keeps {@code message} as the room's newest; the oldest one leaves when N are kept. */
    void append(String room, ServerMessage.Message message);

    /** The room's messages, oldest first, without those older than the maximum age at {@code now}. */
    List<ServerMessage.Message> recent(String room, long now);

    /**
     * The room's messages numbered after {@code afterSeq}, oldest first, when every one of them is
     * still kept at {@code now} (none expired, trimmed or deleted): what a member who last got
     * {@code afterSeq} missed. Empty when some are lost, or when the implementation cannot tell
     * (the default).
     */
    default Optional<List<ServerMessage.Message>> after(String room, long afterSeq, long now) {
        return Optional.empty();
    }

    /** The message with id {@code msg} if the room still keeps it at {@code now}. */
    Optional<ServerMessage.Message> find(String room, String msg, long now);

    /** Removes a message (deleted by a moderator); returns whether it was kept. */
    boolean remove(String room, String msg);

    /** How many messages the room keeps now (aged ones may still count until next read). */
    int size(String room);

    /** Forgets the room's messages. */
    void clear(String room);
}
