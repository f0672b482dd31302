package org.kindred.server.crisis;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.common.Throwables;
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
 *
 * <p>An assessor that fails on a message (an exception) costs neither the message nor the connection: the
 * message is taken as {@code high} with the category {@link RiskCategory#ASSESSOR_FAILURE} — the writer gets
 * their region's card, staff an escalation whose excerpt says the assessor failed, and the room's policy for
 * risk messages holds or delivers it — and one event is logged with the exception's class and the rule set's
 * version, never the text (docs/crisis.md, "Twenty-second round: the engine").
 */
public final class CrisisSupport {
    private static final Logger LOG = LoggerFactory.getLogger(CrisisSupport.class);

    /** What an escalation opened by an assessor failure says before the start of the message. */
    public static final String ASSESSOR_FAILURE_EXCERPT = "Risk assessment failed on this message; read it whole: ";
    /** The assessment a message gets when the assessor fails on it. */
    static final RiskAssessment FAILED = new RiskAssessment(RiskLevel.HIGH, Set.of(RiskCategory.ASSESSOR_FAILURE),
            List.of());

    private final BiFunction<String, String, RiskAssessment> assessor;
    private final String rulesVersion;
    private final CrisisResponder responder;
    private final Escalations escalations;
    private final Executor blocking;

    public CrisisSupport(RiskAssessor assessor, CrisisResponder responder, Escalations escalations,
            Executor blocking) {
        this(assessor::assess, assessor.rulesVersion(), responder, escalations, blocking);
    }

    /**
     * With any assessment function of (text, locale) (tests give one that fails) and the version of the
     * rules it applies, as logged when it fails.
     */
    public CrisisSupport(BiFunction<String, String, RiskAssessment> assessor, String rulesVersion,
            CrisisResponder responder, Escalations escalations, Executor blocking) {
        this.assessor = assessor;
        this.rulesVersion = rulesVersion;
        this.responder = responder;
        this.escalations = escalations;
        this.blocking = blocking;
    }

    /**
     * Assesses a message (whatever the moderation verdict) and answers its writer if at risk. Returns the
     * assessment; {@link #FAILED} ({@code high}, {@code assessor_failure}) when the assessor threw, never throws
     * for the assessor.
     */
    public RiskAssessment assess(Session s, String room, String text) {
        RiskAssessment a;
        try {
            a = assessor.apply(text, s.locale());
        } catch (RuntimeException | StackOverflowError e) {
            // one bad input must not cost the message or close the connection: the writer still sees help
            LOG.error("risk assessment failed error={} rules={}", e.getClass().getName(), rulesVersion);
            open(room, s, RiskLevel.HIGH, EscalationSource.KEYWORD,
                    Excerpt.of(ASSESSOR_FAILURE_EXCERPT + text), "assessor-failure", id ->
                    s.deliver(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), null, id)));
            return FAILED;
        }
        if (!a.atRisk()) {
            return a;
        }
        boolean someoneElse = a.categories().equals(java.util.Set.of(RiskCategory.THIRD_PARTY));
        if (someoneElse) {
            s.deliver(responder.respond(a.level(), s.region(), s.locale(), null, null));
            return a;
        }
        String excerpt = a.excerpt(text, Excerpt.MAX_CODE_POINTS);
        open(room, s, a.level(), EscalationSource.KEYWORD, excerpt, "risk", id ->
                s.deliver(responder.respond(a.level(), s.region(), s.locale(), null, a.escalates() ? id : null)));
        return a;
    }

    /**
     * {@code help}: opens an escalation at {@code high} and replies {@code crisis} with its id.
     * {@code room} is the request's room only if it exists (the caller checks), else null; the
     * reply goes out whatever happens to the escalation.
     */
    public void help(Outbound c, Session s, ClientMessage.Help h, String room) {
        // The card goes out even if the store failed: the person must always see help.
        open(room, s, RiskLevel.HIGH, EscalationSource.HELP, null, "help", id ->
                c.send(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), h.id(), id)));
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
    public void checkInWorse(Session s, String room, Consumer<String> opened) {
        open(room, s, RiskLevel.HIGH, EscalationSource.HELP, CHECKIN_WORSE_EXCERPT, "check-in", id -> {
            try {
                opened.accept(id);
            } finally {
                s.deliver(responder.respond(RiskLevel.HIGH, s.region(), s.locale(), null, id));
            }
        });
    }

    /**
     * Opens (or keeps, see {@link Escalations#open}) the member's escalation on the blocking
     * executor, then tells {@code then} its id: on that executor, or null when it could not be
     * stored (logged with {@code kind}). When the executor refuses work (shutting down), {@code then}
     * runs at once with null: whoever waits for a crisis card still gets one.
     */
    private void open(String room, Session s, RiskLevel level, EscalationSource source, String excerpt, String kind,
            Consumer<String> then) {
        try {
            CompletableFuture.supplyAsync(() -> escalations.open(room, s.memberId(), level, source, excerpt), blocking)
                    .whenComplete((Escalation e, Throwable err) -> {
                        if (err != null) {
                            LOG.warn("escalation could not be stored kind={} error={}", kind,
                                    Throwables.rootCause(err).getClass().getSimpleName());
                        }
                        then.accept(e == null ? null : e.id());
                    });
        } catch (RejectedExecutionException e) {
            then.accept(null);
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
