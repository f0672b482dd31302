package org.kindred.server.moderator;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Ban;
import org.kindred.server.store.NewBan;
import org.kindred.server.transport.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mod.ban}: records the ban (member and network fingerprint), audits it and closes the
 * member's connection with {@link CloseCodes#BANNED}. In a cluster, a member connected to another
 * node is banned by member id here and closed there ({@link StaffSync}). Blocks on the store:
 * runs on the blocking executor.
 */
final class BanRequests {
    private static final Logger LOG = LoggerFactory.getLogger(BanRequests.class);

    private final SessionRegistry sessions;
    private final BanList bans;
    private final ConsoleRequests console;
    private final AuditLog audit;
    private final LongSupplier clock;

    BanRequests(SessionRegistry sessions, BanList bans, ConsoleRequests console, AuditLog audit, LongSupplier clock) {
        this.sessions = sessions;
        this.bans = bans;
        this.console = console;
        this.audit = audit;
        this.clock = clock;
    }

    /** The reply to one {@code mod.ban} of moderator {@code who}. */
    ServerMessage ban(String who, ModRequest.Ban b) {
        Optional<Session> target = sessions.byMember(b.member());
        if (target.isEmpty() && bans.clustered()) {
            return banElsewhere(who, b);
        }
        if (target.isEmpty()) {
            return ModeratorRequests.notFound(b.id(), "error.ban_gone");
        }
        Session s = target.get();
        if (s.role().canModerate()) {
            return Sentence.of("error.ban_staff").error(b.id(), ErrorCode.FORBIDDEN);
        }
        long now = clock.getAsLong();
        Long expires = b.seconds() == null || b.seconds() == 0 ? null : now + b.seconds() * 1000;
        String nick = console.nickOf(s);
        Ban ban = bans.add(new NewBan(s.memberId(), s.fingerprint(), b.reason(), who, now, expires));
        console.bannedAs(ban.id(), nick);
        audit.record(who, AuditAction.BAN, s.memberId(), null, (expires == null ? "permanent" : b.seconds() + "s")
                + ": " + b.reason());
        LOG.info("member banned ban={} member={}", ban.id(), s.memberId());
        Outbound conn = s.connection();
        sessions.end(s);
        if (conn != null) {
            conn.close(CloseCodes.BANNED, "Banned by a moderator");
        }
        return new ServerMessage.Ok(b.id(), null, ban.id());
    }

    /**
     * Bans a member this node does not hold, in a cluster: by member id now; the node holding the
     * member closes its connection and adds its network fingerprint ({@link StaffSync}).
     */
    private ServerMessage banElsewhere(String who, ModRequest.Ban b) {
        long now = clock.getAsLong();
        Long expires = b.seconds() == null || b.seconds() == 0 ? null : now + b.seconds() * 1000;
        String nick = console.nickAnywhere(b.member()); // before the ban ends its session and frees its seats
        Ban ban = bans.add(new NewBan(b.member(), null, b.reason(), who, now, expires));
        console.bannedAs(ban.id(), nick);
        audit.record(who, AuditAction.BAN, b.member(), null, (expires == null ? "permanent" : b.seconds() + "s")
                + ": " + b.reason());
        LOG.info("member banned ban={} member={} (not connected here)", ban.id(), b.member());
        return new ServerMessage.Ok(b.id(), null, ban.id());
    }

}
