package org.kindred.server.dispatch;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.Limits;
import org.kindred.server.moderator.StaffRevocations;
import org.kindred.server.session.CheckIns;
import org.kindred.server.session.ParkedSessions;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.Sessions;
import org.kindred.server.transport.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster branch of {@code hello} with {@code resume}: takes a connection and its
 * {@code hello}, asks {@link ClusterResume} where the token's session is, and either adopts a
 * session recorded by another node here (a staff one only while its sign-in still holds, checked
 * against the store off the event loop) or hands the {@code hello} back to the caller to be
 * welcomed on this node: unchanged when the session is held here or nowhere, without
 * {@code resume} when a staff record's sign-in was revoked (a new session, no staff rights).
 * Nothing here waits; every continuation runs on the connection's event loop.
 */
final class ClusterWelcome {
    /** Logged under the handler's name: the events are the {@code hello}'s, as before the split. */
    private static final Logger LOG = LoggerFactory.getLogger(HelloHandler.class);

    private final ClusterResume cluster;
    private final StaffRevocations revocations;
    private final BanCheck bans;
    private final CheckIns checkIns;
    private final SessionLimits limits;
    private final Supplier<Limits> announced;

    /**
     * @param cluster     where a resume token's session is, and the adoption of one recorded elsewhere
     * @param revocations whether an adopted staff record's sign-in still holds
     * @param bans        refuses a banned member {@code banned}
     * @param checkIns    restores and sends the adopted session's check-ins, or null
     * @param limits      the reports-per-member allowance of the adopted session
     * @param announced   the limits announced in {@code welcome}
     */
    ClusterWelcome(ClusterResume cluster, StaffRevocations revocations, BanCheck bans, CheckIns checkIns,
            SessionLimits limits, Supplier<Limits> announced) {
        this.cluster = cluster;
        this.revocations = revocations;
        this.bans = bans;
        this.checkIns = checkIns;
        this.limits = limits;
        this.announced = announced;
    }

    /** Whether a resume must ask the cluster first (sessions are parked). */
    boolean active() {
        return cluster.active();
    }

    /**
     * Resumes {@code hello}'s session on {@code c} (event loop; {@code hello.resume()} non-null):
     * adopted here when another node recorded it, else {@code here} is run, on the loop, with the
     * {@code hello} to welcome on this node (the same one, or one without {@code resume} after a
     * revoked staff sign-in). Nothing happens once {@code c} closed or got a session meanwhile.
     */
    void welcome(Connection c, ClientMessage.Hello hello, Consumer<ClientMessage.Hello> here) {
        c.helloPending(true);
        cluster.locate(hello.resume()).whenComplete((where, err) -> c.writer().execute(() -> {
            c.helloPending(false);
            if (!c.isOpen() || Sessions.of(c) != null) {
                return;
            }
            if (err != null || where.elsewhere() == null) {
                here.accept(hello);
                return;
            }
            ParkedSessions.Claim claim = where.elsewhere();
            ParkedSessions.StaffRecord staff = claim.parked().staff();
            if (staff == null) {
                adopt(c, hello, claim);
                return;
            }
            HelloHandler.onLoopAfter(c, revocations.holdsAsync(claim.credential(), staff.name(), staff.role()),
                    (ok, e) -> {
                        if (!c.isOpen() || Sessions.of(c) != null) {
                            return;
                        }
                        if (e == null && Boolean.TRUE.equals(ok)) {
                            adopt(c, hello, claim);
                        } else { // as for a revoked session held here: a new session, with no staff rights
                            LOG.info("staff session not resumed: sign-in revoked member={}", claim.parked().member());
                            here.accept(HelloHandler.withoutResume(hello));
                        }
                    });
        }));
    }

    /** Resumes the session of {@code claim}, recorded by another node, on {@code c}. */
    private void adopt(Connection c, ClientMessage.Hello hello, ParkedSessions.Claim claim) {
        cluster.adopt(c, hello, claim, announced.get(), s -> {
            s.reportLimit(limits.reportBurst(), limits.reportsPerMinute() / 60.0);
            s.allowances().restore(claim.parked().left());
            if (checkIns != null) {
                checkIns.restore(s, claim.parked().checkIns());
            }
        }, (conn, s) -> bans.admits(conn, s, hello.id()), (conn, s) -> {
            if (checkIns != null) {
                checkIns.resumed(s);
            }
        });
    }
}
