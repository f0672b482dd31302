package org.kindred.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import java.util.List;
import org.kindred.server.crisis.RiskAssessment;
import org.kindred.server.crisis.RiskCategory;
import org.kindred.server.crisis.RiskMessagePolicy;
import org.kindred.server.moderator.BanList;
import org.kindred.server.moderator.ReviewQueue;
import org.kindred.server.session.Ids;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.moderator.Principal;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Connection;
import org.kindred.server.session.RequestHandlers;
import org.kindred.server.session.Session;
import org.kindred.server.store.Ban;

/**
 * The server's request services: {@code send} through the message checks into the room,
 * reports, moderator requests, sign-in of moderators and bans.
 */
public final class ServerRequests implements RequestHandlers {
    private final int maxText;
    private final RoomRegistry rooms;
    private final ModeratorRequests moderators;
    private final MemberReports reports;
    private final BanList bans;
    private final TokenService tokens;
    private final Executor blocking;
    private final CrisisSupport crisis;
    private final ReviewQueue review;
    private final RiskMessagePolicy riskPolicy;

    public ServerRequests(int maxText, RoomRegistry rooms, Services services) {
        this(maxText, rooms, services.moderatorRequests, services.reports, services.bans, services.tokens,
                services.blocking, services.crisis, services.review, services.crisisConfig.riskMessages());
    }

    public ServerRequests(int maxText, RoomRegistry rooms, ModeratorRequests moderators, MemberReports reports,
            BanList bans, TokenService tokens, Executor blocking, CrisisSupport crisis, ReviewQueue review,
            RiskMessagePolicy riskPolicy) {
        this.crisis = crisis;
        this.review = review;
        this.riskPolicy = riskPolicy;
        this.maxText = maxText;
        this.rooms = rooms;
        this.moderators = moderators;
        this.reports = reports;
        this.bans = bans;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public void onSend(Connection c, Session s, Room room, ClientMessage.Send send, long now) {
        String text = send.text().strip();
        if (text.isEmpty() || text.length() > maxText) {
            c.send(ServerMessage.Error.of(send.id(), ErrorCode.TEXT_INVALID,
                    "Messages must be between 1 and " + maxText + " characters."));
            return;
        }
        RiskAssessment risk = crisis.assess(s, room.id(), text);
        if (risk.atRisk() && riskPolicy == RiskMessagePolicy.HOLD
                && !risk.categories().equals(java.util.Set.of(RiskCategory.THIRD_PARTY))) {
            hold(c, s, room, send.id(), text, List.of("risk"));
            return;
        }
        room.post(s, c, send.id(), text, SendStatus.DELIVERED);
    }

    /** Holds a message for review: stored and announced first, then the sender hears it is held. */
    private void hold(Connection c, Session s, Room room, String reqId, String text, List<String> categories) {
        String msgId = Ids.of("m_");
        room.member(s.memberId()).thenAcceptAsync(info -> {
            if (info.isEmpty()) {
                c.send(ServerMessage.Error.of(reqId, ErrorCode.NOT_IN_ROOM, "You need to join this room first."));
                return;
            }
            review.hold(room.id(), msgId, info.get(), text, categories);
            c.send(new ServerMessage.Sent(reqId, room.id(), msgId, SendStatus.HELD, text));
        }, blocking).exceptionally(err -> {
            c.send(ServerMessage.Error.of(reqId, ErrorCode.INTERNAL,
                    "Something went wrong on the server; your message was not sent."));
            return null;
        });
    }

    @Override
    public void onOther(Connection c, Session s, ClientMessage message, long now) {
        if (message instanceof ModRequest m) {
            moderators.handle(c, s, m);
        } else if (message instanceof ClientMessage.Report r) {
            Room room = rooms.get(r.room());
            if (room == null) {
                c.send(ServerMessage.Error.of(r.id(), ErrorCode.NOT_FOUND, "There is no room with that name."));
                return;
            }
            reply(c, r.id(), reports.report(s, room, r));
        } else if (message instanceof ClientMessage.Help h) {
            crisis.help(c, s, h);
        }
    }

    @Override
    public CompletionStage<Optional<Principal>> authenticate(String token) {
        return CompletableFuture.supplyAsync(() -> tokens.authenticate(token), blocking);
    }

    @Override
    public boolean admitted(Connection c, Session s, String reqId) {
        return notBanned(c, s, reqId);
    }

    @Override
    public boolean mayJoin(Connection c, Session s, String reqId) {
        return notBanned(c, s, reqId);
    }

    @Override
    public void closed(Connection c) {
        moderators.closed(c);
    }

    private boolean notBanned(Connection c, Session s, String reqId) {
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

    private static void reply(Connection c, String id, CompletableFuture<ServerMessage> f) {
        f.whenComplete((msg, err) -> c.send(err == null ? msg : ServerMessage.Error.of(id, ErrorCode.INTERNAL,
                "Something went wrong on the server; please try again.")));
    }
}
