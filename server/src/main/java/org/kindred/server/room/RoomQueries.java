package org.kindred.server.room;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.History;
import org.kindred.server.session.Session;

/**
 * What the request layer and the staff tools ask of a room without changing it: a message still in
 * its history, whether a report of one may be made, and a member as this node or any node seats it.
 * Each answer is read on the room's thread and completes there (or exceptionally with what the
 * read threw). Safe from any thread.
 */
public final class RoomQueries {
    private final Room room;
    private final History history;

    RoomQueries(Room room, History history) {
        this.room = room;
        this.history = history;
    }

    /** The message {@code msg} (its id) if it is still in this room's history, else empty. */
    public CompletableFuture<Optional<ServerMessage.Message>> find(String msg) {
        return room.call(() -> history.find(room.id(), msg, room.now()));
    }

    /**
     * Whether {@code reporter} may report {@code msg} now (request {@code reqId}), decided on the
     * room's thread (see {@link ReportLedger#check}): completes with the reported message, or the
     * error to reply.
     */
    public CompletableFuture<ReportCheck> checkReport(Session reporter, String msg, String reqId) {
        return room.call(() -> room.reports().check(room.seats().member(reporter.memberId()).isPresent(), reporter,
                msg, reqId, history, room.id(), room.now()));
    }

    /** The member {@code memberId}'s current info in this room if it is seated on this node, else empty. */
    public CompletableFuture<Optional<MemberInfo>> member(String memberId) {
        return room.call(() -> room.seats().member(memberId));
    }

    /**
     * The member {@code memberId} as any node seats it (on several nodes: from the shared presence),
     * for staff tools that name a member connected elsewhere; completes empty when it is not in the
     * room, and exceptionally when the shared presence cannot be reached.
     */
    public CompletableFuture<Optional<MemberInfo>> memberAnywhere(String memberId) {
        return room.call(() -> room.seats().memberAnywhere(memberId));
    }
}
