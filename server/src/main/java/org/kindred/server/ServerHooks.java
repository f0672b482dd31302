package org.kindred.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.dispatch.SessionHooks;
import org.kindred.server.handoff.HandOff;
import org.kindred.server.moderator.BanList;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.session.Principal;
import org.kindred.server.moderator.StaffRevocations;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.session.CheckIns;
import org.kindred.server.transport.Outbound;
import org.kindred.server.session.Session;
import org.kindred.server.store.Ban;

/**
 * The session hooks of this server: staff sign-in through the token service (off the event
 * loop) and its revocation, bans at {@code hello} and {@code join}, check-ins due on resume, the
 * warm hand-off's private rooms, and crisis lines for a connection without a session. Each
 * method hands its work to the one service that does it.
 */
final class ServerHooks implements SessionHooks {
    private final TokenService tokens;
    private final StaffRevocations revocations;
    private final BanList bans;
    private final HandOff handOff;
    private final ModeratorRequests moderators;
    private final CrisisSupport crisis;
    private final CheckIns checkIns;
    private final Executor blocking;

    /**
     * @param moderators told when a connection closes (it stops watching rooms)
     * @param checkIns   the sessions' follow-up check-ins, or null
     * @param blocking   the executor for store work (sign-in checks)
     */
    ServerHooks(TokenService tokens, StaffRevocations revocations, BanList bans, HandOff handOff,
            ModeratorRequests moderators, CrisisSupport crisis, CheckIns checkIns, Executor blocking) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.bans = bans;
        this.handOff = handOff;
        this.moderators = moderators;
        this.crisis = crisis;
        this.checkIns = checkIns;
        this.blocking = blocking;
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
