package org.kindred.server.moderator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomControls;

/**
 * {@code mod.kick} on whichever node the member is connected to. The room (on its thread) removes
 * a member seated through this node; a member in the room only through another node gets its
 * cool-off in the shared room rules here, the kick is audited (with the reason, which is where
 * the other node reads it), then published as a {@link StaffChange#kick} that the member's node
 * carries out ({@link StaffSync}). A member in the room on no node is {@code not_found}.
 */
final class Kicks {
    static final long DEFAULT_COOL_OFF_SECONDS = 60;

    private final AuditLog audit;
    private final ClusterEvents events;
    private final Executor blocking;

    /**
     * @param events   where kicks of members on other nodes are published (null: one node)
     * @param blocking runs the audit write and the publish
     */
    Kicks(AuditLog audit, ClusterEvents events, Executor blocking) {
        this.audit = audit;
        this.events = events;
        this.blocking = blocking;
    }

    /** The reply to {@code k} of moderator {@code who} in {@code room}, once done (never on an event loop). */
    CompletableFuture<ServerMessage> kick(Room room, String who, ModRequest.Kick k) {
        long coolOff = k.seconds() == null ? DEFAULT_COOL_OFF_SECONDS : k.seconds();
        return room.controls().kickAnywhere(k.member(), k.reason(), coolOff * 1000).thenApplyAsync(where -> {
            if (where == RoomControls.Kicked.NOWHERE
                    || where == RoomControls.Kicked.ELSEWHERE && (events == null || !events.reachesOtherNodes())) {
                return ModeratorRequests.notFound(k.id(), "error.kick_gone");
            }
            audit.record(who, AuditAction.KICK, k.member(), k.room(), k.reason());
            if (where == RoomControls.Kicked.ELSEWHERE) { // after the audit: the member's node reads the reason there
                events.publish(StaffChange.kick(k.room(), k.member(), events.nodeId()));
            }
            return ServerMessage.Ok.of(k.id());
        }, blocking);
    }
}
