package org.kindred.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.kindred.protocol.CheckInRequest;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.handoff.HandOff;
import org.kindred.server.moderator.BanList;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.session.Principal;
import org.kindred.server.moderator.StaffRevocations;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.room.Refusal;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.CheckIns;
import org.kindred.server.transport.Outbound;
import org.kindred.server.dispatch.RequestHandlers;
import org.kindred.server.session.Session;
import org.kindred.server.store.Ban;

/**
 * The server's request services: {@code send} through the message checks into the room,
 * reports, moderator requests, sign-in of moderators and bans.
 */
public final class ServerRequests implements RequestHandlers {
    private final RoomRegistry rooms;
    private final ModeratorRequests moderators;
    private final MemberReports reports;
    private final BanList bans;
    private final TokenService tokens;
    private final Executor blocking;
    private final CrisisSupport crisis;
    private final SendFlow sendFlow;
    private final StaffRevocations revocations;
    private final CheckIns checkIns;
    private final CheckInRequests checkInRequests;
    private final HandOff handOff;

    /**
     * The request services, each given what it uses.
     *
     * @param checkIns the sessions' follow-up check-ins, or null (every {@code checkin} is refused)
     */
    ServerRequests(RoomRegistry rooms, SendFlow sendFlow, ModeratorRequests moderators, MemberReports reports,
            BanList bans, TokenService tokens, StaffRevocations revocations, CrisisSupport crisis, HandOff handOff,
            CheckIns checkIns, CheckInRequests checkInRequests, Executor blocking) {
        this.rooms = rooms;
        this.sendFlow = sendFlow;
        this.moderators = moderators;
        this.reports = reports;
        this.bans = bans;
        this.tokens = tokens;
        this.revocations = revocations;
        this.crisis = crisis;
        this.handOff = handOff;
        this.checkIns = checkIns;
        this.checkInRequests = checkInRequests;
        this.blocking = blocking;
    }

    /** Without check-ins: every {@code checkin} request is refused (tests of other parts). */
    public static ServerRequests assemble(RoomRegistry rooms, Services services, ModerationSetup.Built moderation) {
        return assemble(rooms, services, moderation, null);
    }

    /**
     * Wires the request services from the durable ones (the composition root's job: nothing past
     * this point sees {@link Services} whole).
     *
     * @param checkIns the sessions' follow-up check-ins, or null
     */
    public static ServerRequests assemble(RoomRegistry rooms, Services services, ModerationSetup.Built moderation,
            CheckIns checkIns) {
        SendFlow send = new SendFlow(moderation, services.crisis, services.crisisConfig, services.review,
                services.hub, services.audit, services.store.mutes(), services.blocking, services.handOff);
        CheckInRequests checkInRequests = checkIns == null ? null
                : new CheckInRequests(checkIns, services.crisis, services.audit, services.blocking);
        return new ServerRequests(rooms, send, services.moderatorRequests, services.reports, services.bans,
                services.tokens, services.revocations, services.crisis, services.handOff, checkIns, checkInRequests,
                services.blocking);
    }

    @Override
    public boolean isPrivateRoom(String room) {
        return handOff.handles(room);
    }

    @Override
    public void joinPrivate(Outbound c, Session s, ClientMessage.Join join) {
        handOff.join(c, s, join);
    }

    @Override
    public void leavePrivate(Outbound c, Session s, ClientMessage.Leave leave) {
        handOff.leave(c, s, leave);
    }

    @Override
    public void onSend(Outbound c, Session s, Room room, ClientMessage.Send send, long now) {
        sendFlow.onSend(c, s, room, send, now);
    }

    @Override
    public void onOther(Outbound c, Session s, ClientMessage message, long now) {
        if (message instanceof ModRequest m) {
            moderators.handle(c, s, m);
        } else if (message instanceof CheckInRequest r) {
            if (checkInRequests == null) {
                c.send(ServerMessage.Error.of(r.id(), ErrorCode.FORBIDDEN, "Check-ins are not available here."));
            } else {
                checkInRequests.handle(c, s, r);
            }
        } else if (message instanceof ClientMessage.Report r) {
            Room room = rooms.get(r.room());
            if (room == null) {
                c.send(Refusal.NO_SUCH_ROOM.toError(r.id()));
                return;
            }
            c.sendWhenDone(reports.report(s, room, r), err -> ServerMessage.Error.of(r.id(), ErrorCode.INTERNAL,
                    "Something went wrong on the server; please try again."));
        } else if (message instanceof ClientMessage.Help h) {
            // An unknown room is treated as no room: the text never reaches storage or moderators,
            // and the person asking for help always gets the crisis lines.
            crisis.help(c, s, h, h.room() != null && rooms.get(h.room()) != null ? h.room() : null);
        }
    }

    @Override
    public void helpWithoutSession(Outbound c, ClientMessage.Help help, String region, String locale) {
        crisis.helpWithoutSession(c, help.id(), region, locale);
    }

    @Override
    public CompletionStage<Optional<Principal>> authenticate(String token) {
        return CompletableFuture.supplyAsync(() -> tokens.authenticate(token), blocking);
    }

    @Override
    public String credential(String loginToken) {
        return TokenService.digest(loginToken);
    }

    @Override
    public CompletionStage<Boolean> stillStaff(Session s) {
        return revocations.stillStaffAsync(s);
    }

    @Override
    public void revoked(Session s) {
        revocations.revoke(s);
    }

    @Override
    public boolean admitted(Outbound c, Session s, String reqId) {
        return notBanned(c, s, reqId);
    }

    @Override
    public boolean mayJoin(Outbound c, Session s, String reqId) {
        return notBanned(c, s, reqId);
    }

    @Override
    public void resumed(Outbound c, Session s) {
        if (checkIns != null) {
            checkIns.resumed(s);
        }
    }

    @Override
    public void closed(Outbound c) {
        moderators.closed(c);
    }

    private boolean notBanned(Outbound c, Session s, String reqId) {
        if (s.role().canModerate()) {
            return true;
        }
        Optional<Ban> ban = bans.activeFor(s.memberId(), s.fingerprint());
        if (ban.isEmpty()) {
            return true;
        }
        Ban b = ban.get();
        Long left = b.expiresAt() == null ? null : Math.max(1, b.expiresAt() - System.currentTimeMillis());
        c.send(new ServerMessage.Error(reqId, ErrorCode.BANNED, b.expiresAt() == null
                ? "A moderator has removed you from this community."
                : "A moderator has removed you from this community for a while.", left));
        return false;
    }
}
