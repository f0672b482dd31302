package org.kindred.server.moderator;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ReportReason;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.store.Excerpt;
import org.kindred.server.store.NewReport;
import org.kindred.server.store.Report;
import org.kindred.server.store.ReportStore;

/**
 * Members' reports of messages. The report keeps a short excerpt of the reported message (the
 * evidence moderators need; it expires with the report) and reaches watching moderators at
 * once. A report for {@code self_harm} also opens an escalation for the message's author.
 */
public final class MemberReports {
    private final ReportStore store;
    private final AuditLog audit;
    private final ModeratorHub hub;
    private final Escalations escalations;
    private final Executor blocking;
    private final LongSupplier clock;

    public MemberReports(ReportStore store, AuditLog audit, ModeratorHub hub, Escalations escalations,
            Executor blocking, LongSupplier clock) {
        this.store = store;
        this.audit = audit;
        this.hub = hub;
        this.escalations = escalations;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The longest {@code note} a report may carry, in characters. */
    public static final int MAX_NOTE = 500;
    /** The longest message id a report may name, in characters (ids the server issues are far shorter). */
    public static final int MAX_MSG_ID = 64;

    /**
     * Files the report; completes with the {@code ok} reply carrying the report id, or the
     * {@code error} to reply with. Nothing is stored and no moderator is paged unless the
     * reporter is in the room ({@code not_in_room}), the message is in the room's history
     * ({@code not_found}), the member has not reported it before and is within its report
     * allowance ({@code bad_request}, {@code rate_limited}; see {@link Room#checkReport}); a
     * {@code note} over {@value #MAX_NOTE} characters is refused ({@code bad_request}).
     */
    public CompletableFuture<ServerMessage> report(Session reporter, Room room, ClientMessage.Report r) {
        if (r.note() != null && r.note().length() > MAX_NOTE) {
            return CompletableFuture.completedFuture(Sentence.of("error.note_too_long", "max", MAX_NOTE)
                    .error(r.id(), ErrorCode.BAD_REQUEST));
        }
        if (r.msg().length() > MAX_MSG_ID) {
            return CompletableFuture.completedFuture(Sentence.of("error.report_gone")
                    .error(r.id(), ErrorCode.NOT_FOUND));
        }
        return room.queries().checkReport(reporter, r.msg(), r.id()).thenApplyAsync(check -> check.error() != null
                ? check.error() : file(reporter, room.id(), r, Optional.of(check.message())), blocking);
    }

    private ServerMessage file(Session reporter, String roomId, ClientMessage.Report r,
            Optional<ServerMessage.Message> found) {
        String excerpt = found.map(m -> Excerpt.of(m.text())).orElse(null);
        String reported = found.map(m -> m.from().id()).orElse(null);
        String note = r.note() == null ? null : Excerpt.of(r.note());
        Report saved = store.add(new NewReport(roomId, r.msg(), reporter.memberId(), reported, r.reason(), note,
                excerpt, clock.getAsLong()));
        audit.record(reporter.memberId(), AuditAction.REPORT_RECEIVED, saved.id(), roomId,
                r.reason().name().toLowerCase(java.util.Locale.ROOT));
        hub.publish(roomId, ModeratorRequests.event(saved));
        if (r.reason() == ReportReason.SELF_HARM && reported != null) {
            escalations.open(roomId, reported, RiskLevel.HIGH, EscalationSource.REPORT, excerpt);
        }
        return new ServerMessage.Ok(r.id(), saved.id(), null);
    }
}
