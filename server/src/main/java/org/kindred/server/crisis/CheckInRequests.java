package org.kindred.server.crisis;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.CheckInRequest;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.AuditAction;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.session.CheckIns;
import org.kindred.server.transport.Outbound;
import org.kindred.server.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the check-in requests do, one method each: {@code checkin} → {@code ok} {@code checkin} (id);
 * {@code checkin.cancel} → {@code ok}; {@code checkin.answer} → {@code ok}, and for {@code worse}
 * also a {@code crisis} event and an escalation at {@code high}. An unknown check-in id gets
 * {@code not_found}; a session that already has {@link CheckIns#maxPlanned()} planned gets
 * {@code forbidden} with a sentence saying why. The logic lives in {@link CheckIns} and
 * {@link CrisisSupport}; every step is audited (actor the member id, target the check-in id, the
 * answer or the minutes as the reason, never any text), off the event loop.
 */
public final class CheckInRequests {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInRequests.class);

    private final CheckIns checkIns;
    private final CrisisSupport crisis;
    private final AuditLog audit;
    private final Executor blocking;
    /** The last audit write queued; each waits for the one before it. */
    private CompletableFuture<Void> auditTail = CompletableFuture.completedFuture(null);

    /**
     * @param checkIns the sessions' planned check-ins
     * @param crisis   answers a check-in answered {@code worse}
     * @param audit    where each step is recorded
     * @param blocking the executor for store work (never an event loop)
     */
    public CheckInRequests(CheckIns checkIns, CrisisSupport crisis, AuditLog audit, Executor blocking) {
        this.checkIns = checkIns;
        this.crisis = crisis;
        this.audit = audit;
        this.blocking = blocking;
    }

    /**
     * {@code checkin}: plans one for {@code p.minutes()} from now; replies {@code ok} with its id,
     * or {@code forbidden} when the session already has the most it may plan. On the connection's
     * event loop.
     */
    public void plan(Outbound c, Session s, CheckInRequest.Plan p) {
        Optional<String> id = checkIns.plan(s, TimeUnit.MINUTES.toMillis(p.minutes()));
        if (id.isEmpty()) {
            c.send(Sentence.of("error.checkins_full", "max", checkIns.maxPlanned())
                    .error(p.id(), ErrorCode.FORBIDDEN));
            return;
        }
        c.send(ServerMessage.Ok.checkin(p.id(), id.get()));
        audit(s, AuditAction.CHECKIN_PLANNED, id.get(), p.minutes() + " min");
    }

    /** {@code checkin.cancel}: replies {@code ok}, or {@code not_found} for a check-in not planned. */
    public void cancel(Outbound c, Session s, CheckInRequest.Cancel x) {
        if (!checkIns.cancel(s, x.checkin())) {
            notFound(c, x.id());
            return;
        }
        c.send(ServerMessage.Ok.of(x.id()));
        audit(s, AuditAction.CHECKIN_CANCELLED, x.checkin(), null);
    }

    /**
     * {@code checkin.answer}: replies {@code ok} (or {@code not_found}); {@code worse} also opens an
     * escalation and sends the {@code crisis} card.
     */
    public void answer(Outbound c, Session s, CheckInRequest.Answer a) {
        if (checkIns.answer(s, a.checkin()).isEmpty()) {
            notFound(c, a.id());
            return;
        }
        c.send(ServerMessage.Ok.of(a.id()));
        CheckInRequest.CheckInAnswer choice = a.choice();
        if (choice != CheckInRequest.CheckInAnswer.WORSE) {
            audit(s, AuditAction.CHECKIN_ANSWERED, a.checkin(), choice.wire());
            return;
        }
        crisis.checkInWorse(s, anyRoom(s), escalation -> audit(s, AuditAction.CHECKIN_ANSWERED, a.checkin(),
                "worse" + (escalation == null ? "" : ", escalation " + escalation)));
    }

    private static String anyRoom(Session s) {
        Iterator<String> rooms = s.rooms().iterator();
        return rooms.hasNext() ? rooms.next() : null;
    }

    private static void notFound(Outbound c, String reqId) {
        c.send(Sentence.of("error.checkin_gone").error(reqId, ErrorCode.NOT_FOUND));
    }

    /**
     * Queues one audit entry. Entries are written one after another, in the order they were queued
     * (the blocking pool has several threads), so "planned" always comes before "cancelled".
     */
    private void audit(Session s, AuditAction action, String checkin, String reason) {
        synchronized (this) {
            try {
                auditTail = auditTail.exceptionally(e -> null)
                        .thenRunAsync(() -> auditNow(s, action, checkin, reason), blocking);
            } catch (RejectedExecutionException e) {
                LOG.warn("check-in not audited (shutting down) action={}", action.id());
            }
        }
    }

    private void auditNow(Session s, AuditAction action, String checkin, String reason) {
        try {
            audit.record(s.memberId(), action, checkin, null, reason);
        } catch (RuntimeException e) {
            LOG.warn("check-in audit failed action={} error={}", action.id(), e.getClass().getSimpleName());
        }
    }
}
