package org.kindred.server.crisis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.transport.Outbound;
import org.kindred.server.session.Session;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.Excerpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when someone may be at risk: the writer, and only the writer, gets a private
 * {@code crisis} card with the lines of their region; at {@code high} and {@code imminent} an
 * escalation is opened and moderators are alerted ({@code concern} waits in their queue). A
 * {@code help} request always opens one at {@code high}.
 */
public final class CrisisSupport {
    private static final Logger LOG = LoggerFactory.getLogger(CrisisSupport.class);

    private final RiskAssessor assessor;
    private final CrisisResponder responder;
    private final Escalations escalations;
    private final Executor blocking;

    public CrisisSupport(RiskAssessor assessor, CrisisResponder responder, Escalations escalations,
            Executor blocking) {
        this.assessor = assessor;
        this.responder = responder;
        this.escalations = escalations;
        this.blocking = blocking;
    }

    /** Assesses a message (whatever the moderation verdict) and answers its writer if at risk. */
    public RiskAssessment assess(Session s, String room, String text) {
        RiskAssessment a = assessor.assess(text, s.locale());
        if (!a.atRisk()) {
            return a;
        }
        boolean someoneElse = a.categories().equals(java.util.Set.of(RiskCategory.THIRD_PARTY));
        if (someoneElse) {
            s.deliver(responder.respond(a.level(), s.region(), s.locale(), null, null));
            return a;
        }
        String excerpt = a.excerpt(text, Excerpt.MAX_CODE_POINTS);
        CompletableFuture.supplyAsync(() -> escalations.open(room, s.memberId(), a.level(), EscalationSource.KEYWORD,
                excerpt), blocking).whenComplete((e, err) -> {
                    if (err != null) {
                        LOG.warn("escalation could not be stored error={}", err.getClass().getSimpleName());
                    }
                    String id = e != null && a.escalates() ? e.id() : null;
                    s.deliver(responder.respond(a.level(), s.region(), s.locale(), null, id));
                });
        return a;
    }

    /**
     * {@code help}: opens an escalation at {@code high} and replies {@code crisis} with its id.
     * {@code room} is the request's room only if it exists (the caller checks), else null; the
     * reply goes out whatever happens to the escalation.
     */
    public void help(Outbound c, Session s, ClientMessage.Help h, String room) {
        try {
            CompletableFuture.supplyAsync(() -> escalations.open(room, s.memberId(), RiskLevel.HIGH,
                    EscalationSource.HELP, null), blocking).whenComplete((Escalation e, Throwable err) -> {
                        if (err != null) {
                            LOG.warn("help escalation could not be stored error={}", err.getClass().getSimpleName());
                        }
                        // The card goes out even if the store failed: the person must always see help.
                        c.send(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), h.id(),
                                e == null ? null : e.id()));
                    });
        } catch (java.util.concurrent.RejectedExecutionException e) { // shutting down: still answer
            c.send(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), h.id(), null));
        }
    }

    /** What moderators read on an escalation opened by a check-in answered "worse" (never the member's words). */
    public static final String CHECKIN_WORSE_EXCERPT = "Answered a check-in they asked for: feeling worse.";

    /**
     * A check-in answered {@code worse}: opens an escalation at {@code high} with source
     * {@code help} (or keeps the member's unresolved one when it is at least as severe, as
     * {@link Escalations#open} does), then sends the member the {@code crisis} card as an event
     * (no {@code id}) with the escalation's id. The card goes out even when the store fails.
     * Returns at once: the store is written on the blocking executor.
     *
     * @param room a room the member is in, shown to moderators, or null
     * @param opened told the escalation's id, or null when none could be stored; runs before the card is sent
     */
    public void checkInWorse(Session s, String room, java.util.function.Consumer<String> opened) {
        try {
            CompletableFuture.supplyAsync(() -> escalations.open(room, s.memberId(), RiskLevel.HIGH,
                    EscalationSource.HELP, CHECKIN_WORSE_EXCERPT), blocking).whenComplete((Escalation e, Throwable err) -> {
                        if (err != null) {
                            LOG.warn("check-in escalation could not be stored error={}", err.getClass().getSimpleName());
                        }
                        String id = e == null ? null : e.id();
                        try {
                            opened.accept(id);
                        } finally {
                            s.deliver(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), null, id));
                        }
                    });
        } catch (java.util.concurrent.RejectedExecutionException e) { // shutting down: still answer
            s.deliver(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), null, null));
        }
    }

    /** The sentences and lines behind every {@code crisis} event (also served by {@code /api/crisis-lines}). */
    public CrisisResponder responder() {
        return responder;
    }

    /**
     * {@code help} on a connection without a session — before {@code hello}, or after a
     * {@code hello} refused {@code banned}: replies {@code crisis} with the lines for the region and
     * locale that connection's {@code hello} gave (either may be {@code null}). No escalation is
     * opened: there is no member to reach. The person asking for help always gets the lines.
     */
    public void helpWithoutSession(Outbound c, String requestId, String region, String locale) {
        c.send(responder.respond(RiskLevel.HIGH, region, locale, requestId, null));
    }
}
