package org.kindred.server.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.crisis.RiskAssessment;
import org.kindred.server.crisis.RiskCategory;
import org.kindred.server.crisis.RiskMessagePolicy;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderation.MessageContext;
import org.kindred.server.moderation.ModerationPipeline;
import org.kindred.server.moderation.Notice;
import org.kindred.server.moderation.Outcome;
import org.kindred.server.moderation.Verdict;
import org.kindred.server.moderator.AuditAction;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.moderator.PrivateConversations;
import org.kindred.server.moderator.ReviewQueue;
import org.kindred.server.room.Refusal;
import org.kindred.server.room.Room;
import org.kindred.server.transport.Outbound;
import org.kindred.server.common.Ids;
import org.kindred.server.session.Session;
import org.kindred.server.store.Excerpt;
import org.kindred.server.store.Mute;
import org.kindred.server.store.MuteStore;

/**
 * The path of one {@code send}: the moderation pipeline judges it, risk is assessed whatever
 * the verdict, and the verdict is applied — delivered (perhaps masked) through the room, held
 * for review, or refused with a reason the sender understands. Runs on the connection's event
 * loop; durable work (holds, audit, automatic mutes) goes to the blocking executor.
 */
public final class SendFlow {
    private final ModerationPipeline pipeline;
    private final boolean contentChecks;
    private final CrisisSupport crisis;
    private final CrisisConfig crisisConfig;
    private final ReviewQueue review;
    private final ModeratorHub hub;
    private final AuditLog audit;
    private final MuteStore mutes;
    private final Executor blocking;
    private final PrivateConversations privateRooms;

    /**
     * @param pipeline the moderation pipeline every message goes through
     * @param contentChecks whether content checks are on; risk is assessed only when they are
     * @param crisis risk assessment and the crisis card
     * @param crisisConfig whether risk messages are held, per room
     * @param review where held messages wait for a moderator
     * @param hub moderators' live events (alerts of blocked messages)
     * @param audit the audit log (automatic blocks and mutes)
     * @param mutes where automatic mutes are stored
     * @param blocking the executor for store work (never an event loop)
     * @param privateRooms the warm hand-off's private rooms (a responder's words there are not risk-assessed)
     */
    public SendFlow(ModerationPipeline pipeline, boolean contentChecks, CrisisSupport crisis,
            CrisisConfig crisisConfig, ReviewQueue review, ModeratorHub hub, AuditLog audit, MuteStore mutes,
            Executor blocking, PrivateConversations privateRooms) {
        this.pipeline = pipeline;
        this.contentChecks = contentChecks;
        this.crisis = crisis;
        this.crisisConfig = crisisConfig;
        this.review = review;
        this.hub = hub;
        this.audit = audit;
        this.mutes = mutes;
        this.blocking = blocking;
        this.privateRooms = privateRooms;
    }

    /**
     * One {@code send} of session {@code s} to {@code room} (which exists), arrived at {@code now}
     * (epoch ms): exactly one reply ({@code sent} or an error) goes to {@code c}.
     */
    public void onSend(Outbound c, Session s, Room room, ClientMessage.Send send, long now) {
        // A staff member's own words in a private conversation are the response, not a risk signal:
        // asking "do you have the pills with you?" must not open an escalation about the asker.
        boolean responder = s.role().canModerate() && privateRooms.handles(room.id());
        boolean assessRisk = contentChecks && !send.text().isBlank() && !responder;
        // The room's policy first: a sender who may not post here (not in the room, room locked,
        // muted, slow mode) spends no rate tokens and earns no strikes. Refused is not unheard:
        // risk words still bring the writer the crisis card and staff an escalation (a muted or
        // just-kicked person in crisis must be reached; escalations stay one per member).
        Refusal refused = room.mayPost(s, now);
        if (refused != null) {
            refuseUnlessDelivered(c, s, room, send, refused.toError(send.id()));
            if (assessRisk) {
                crisis.assess(s, room.id(), send.text());
            }
            return;
        }
        judge(c, s, room, send, now, assessRisk);
    }

    /**
     * Sends {@code error} for a send refused before it reached the room, unless it is the retry
     * of a request already delivered (a lost reply): that one gets its first {@code sent} again,
     * whatever the lock, slow mode or allowance say now. Only a send with an {@code id} is looked
     * up (without waiting; the answer goes out on the connection's writer); when the engines
     * cannot answer, the refusal stands.
     */
    private static void refuseUnlessDelivered(Outbound c, Session s, Room room, ClientMessage.Send send,
            ServerMessage.Error error) {
        if (send.id() == null) {
            c.send(error);
            return;
        }
        room.earlier(s, send.id(), send.text()).whenComplete((msg, err) -> c.writer().execute(() -> {
            if (err == null && msg.isPresent()) {
                c.send(new ServerMessage.Sent(send.id(), room.id(), msg.get(), SendStatus.DELIVERED, send.text()));
            } else {
                c.send(error);
            }
        }));
    }

    /** The pipeline's verdict on a send the room and the rates let through, applied; on the event loop. */
    private void judge(Outbound c, Session s, Room room, ClientMessage.Send send, long now, boolean assessRisk) {
        Verdict v = pipeline.evaluate(new MessageContext(room.id(), s.memberId(), s.role(), s.fingerprint(),
                s.createdAt(), now, send.text(), room.mentionable()));
        RiskAssessment risk = assessRisk ? crisis.assess(s, room.id(), send.text()) : RiskAssessment.NONE;
        if (v.autoMuteSeconds() > 0) {
            autoMute(s, room, now, v.autoMuteSeconds());
        }
        switch (v.outcome()) {
            case INVALID -> c.send(v.reason().error(send.id(), ErrorCode.TEXT_INVALID));
            case RATE_LIMITED -> refuseUnlessDelivered(c, s, room, send, rateLimited(send, v));
            case BLOCK -> block(c, s, room, send, v, now);
            case HOLD -> hold(c, s, room, send.id(), v.text(), List.copyOf(v.categories()));
            case DELIVER, MASK -> {
                if (holdForRisk(risk, room.id())) {
                    List<String> categories = new ArrayList<>(v.categories());
                    categories.add("risk");
                    hold(c, s, room, send.id(), v.text(), categories);
                    return;
                }
                List<ServerMessage.Notice> notices = new ArrayList<>();
                for (Notice n : v.notices()) {
                    notices.add(n.text().notice(room.id(), n.code())); // in the sender's language at delivery
                }
                RoomReplies.post(room, s, c, send.id(), v.text(), v.outcome() == Outcome.MASK ? SendStatus.MASKED
                        : SendStatus.DELIVERED, notices);
            }
            default -> throw new IllegalStateException("unhandled outcome " + v.outcome());
        }
    }

    private static ServerMessage.Error rateLimited(ClientMessage.Send send, Verdict v) {
        return new ServerMessage.Error(send.id(), ErrorCode.RATE_LIMITED, v.reason().token(),
                Math.max(1, v.retryAfterMs()));
    }

    private boolean holdForRisk(RiskAssessment risk, String room) {
        return risk.atRisk() && crisisConfig.riskMessages(room) == RiskMessagePolicy.HOLD
                && !risk.categories().equals(java.util.Set.of(RiskCategory.THIRD_PARTY));
    }

    private void block(Outbound c, Session s, Room room, ClientMessage.Send send, Verdict v, long now) {
        c.send(v.reason().error(send.id(), ErrorCode.BLOCKED)); // the reason, in the sender's language
        String categories = String.join(",", v.categories());
        if (v.alertModerators()) {
            hub.publish(room.id(), new ModEvent.Alert(room.id(), Ids.of("m_"), s.memberId(),
                    List.copyOf(v.categories()), Excerpt.of(send.text().strip()), now));
        }
        CompletableFuture.runAsync(() -> audit.record(AuditLog.SYSTEM, AuditAction.AUTO_BLOCK, s.memberId(),
                room.id(), categories), blocking);
    }

    private void autoMute(Session s, Room room, long now, long seconds) {
        long until = now + seconds * 1000;
        CompletableFuture.runAsync(() -> {
            mutes.put(new Mute(room.id(), s.memberId(), until, AuditLog.SYSTEM, "repeated severe violations",
                    now));
            audit.record(AuditLog.SYSTEM, AuditAction.AUTO_MUTE, s.memberId(), room.id(), seconds + "s");
        }, blocking).thenCompose(x -> room.controls().mute(s.memberId(), until, Sentence.of("notice.muted.auto")));
    }

    /** Holds a message for review: stored and announced first, then the sender hears it is held. */
    private void hold(Outbound c, Session s, Room room, String reqId, String text, List<String> categories) {
        String msgId = Ids.of("m_");
        room.queries().member(s.memberId()).thenAcceptAsync(info -> {
            if (info.isEmpty()) {
                c.send(Sentence.of("error.not_in_room").error(reqId, ErrorCode.NOT_IN_ROOM));
                return;
            }
            review.hold(room.id(), msgId, info.get(), text, categories);
            c.send(new ServerMessage.Sent(reqId, room.id(), msgId, SendStatus.HELD, text));
        }, blocking).exceptionally(err -> {
            c.send(Sentence.of("error.post_failed").error(reqId, ErrorCode.INTERNAL));
            return null;
        });
    }
}
