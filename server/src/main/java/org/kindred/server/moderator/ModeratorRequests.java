package org.kindred.server.moderator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.common.Throwables;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Refusal;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.transport.Outbound;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Mute;
import org.kindred.server.store.Report;
import org.kindred.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out {@code mod.*} requests of moderators. Durable effects are written (and audited)
 * on the blocking executor before anyone is told; room effects run on the room's thread. Each
 * request gets exactly one reply: {@code ok} (with the created id where there is one),
 * {@code queue}, or an {@code error}.
 */
public final class ModeratorRequests {
    private static final Logger LOG = LoggerFactory.getLogger(ModeratorRequests.class);

    private final RoomRegistry rooms;
    private final SessionRegistry sessions;
    private final Store store;
    private final AuditLog audit;
    private final ModeratorHub hub;
    private final BanList bans;
    private final Escalations escalations;
    private final ReviewQueue review;
    private final Executor blocking;
    private final LongSupplier clock;
    private final ConsoleRequests console;
    private final BanRequests banning;
    private final PrivateConversations handOff;
    private final Mutes mutes;
    private final Kicks kicks;

    public ModeratorRequests(RoomRegistry rooms, SessionRegistry sessions, Store store, AuditLog audit,
            ModeratorHub hub, BanList bans, Escalations escalations, ReviewQueue review, Executor blocking,
            LongSupplier clock) {
        this(rooms, sessions, store, audit, hub, bans, escalations, review, blocking, clock, null);
    }

    /** With the warm hand-off ({@code mod.reach}, {@code mod.close}); null refuses those. */
    public ModeratorRequests(RoomRegistry rooms, SessionRegistry sessions, Store store, AuditLog audit,
            ModeratorHub hub, BanList bans, Escalations escalations, ReviewQueue review, Executor blocking,
            LongSupplier clock, PrivateConversations handOff) {
        this(rooms, sessions, store, audit, hub, bans, escalations, review, blocking, clock, handOff,
                new Mutes(store.mutes(), null));
    }

    /** With the mutes to write through (and publish to other nodes). */
    public ModeratorRequests(RoomRegistry rooms, SessionRegistry sessions, Store store, AuditLog audit,
            ModeratorHub hub, BanList bans, Escalations escalations, ReviewQueue review, Executor blocking,
            LongSupplier clock, PrivateConversations handOff, Mutes mutes) {
        this.mutes = mutes;
        this.kicks = new Kicks(audit, mutes.events(), blocking);
        this.handOff = handOff;
        this.rooms = rooms;
        this.sessions = sessions;
        this.store = store;
        this.audit = audit;
        this.hub = hub;
        this.bans = bans;
        this.escalations = escalations;
        this.review = review;
        this.blocking = blocking;
        this.clock = clock;
        this.console = new ConsoleRequests(rooms, store.reports(), bans, audit, hub, clock);
        this.banning = new BanRequests(sessions, bans, console, audit, clock);
    }

    /**
     * Handles one request from a staff session. A request its role may not send (see
     * {@link StaffPermissions}) is answered {@code forbidden} before anything is looked at.
     */
    public void handle(Outbound c, Session s, ModRequest m) {
        if (!StaffPermissions.mayRequest(s.role(), m)) {
            c.send(Sentence.of("error.staff_only").error(m.id(), ErrorCode.FORBIDDEN));
            return;
        }
        String who = s.moderatorName();
        ServerMessage.Error malformed = ModChecks.refusal(m);
        if (malformed != null) {
            c.send(malformed);
            return;
        }
        if (m instanceof ModRequest.Watch w) {
            for (String r : w.rooms()) {
                if (!"*".equals(r) && rooms.get(r) == null) {
                    c.send(Refusal.NO_SUCH_ROOM.toError(w.id()));
                    return;
                }
            }
            hub.watch(c, w.rooms(), s.role(), s.moderatorName());
            c.send(ServerMessage.Ok.of(w.id()));
        } else if (m instanceof ModRequest.Queue q) {
            async(c, q.id(), () -> StaffPermissions.queueFor(s.role(), queue(q.id())));
        } else if (m instanceof ModRequest.Bans b) {
            c.send(console.bans(b.id()));
        } else if (m instanceof ModRequest.Dismiss d) {
            async(c, d.id(), () -> console.dismiss(who, d));
        } else if (m instanceof ModRequest.Delete d) {
            withPublicRoom(c, d.id(), d.room(), room -> room.controls().delete(d.msg()).thenApplyAsync(known -> {
                if (!known) {
                    return notFound(d.id(), "error.not_in_history");
                }
                audit.record(who, AuditAction.DELETE, d.msg(), d.room(), d.reason());
                return ServerMessage.Ok.of(d.id());
            }, blocking));
        } else if (m instanceof ModRequest.Mute mu) {
            withPublicRoom(c, mu.id(), mu.room(), room -> mute(room, who, mu));
        } else if (m instanceof ModRequest.Unmute u) {
            withRoom(c, u.id(), u.room(), room -> CompletableFuture.supplyAsync(() -> {
                boolean had = mutes.remove(u.room(), u.member());
                if (had) {
                    audit.record(who, AuditAction.UNMUTE, u.member(), u.room(), null);
                }
                return had;
            }, blocking).thenCompose(had -> room.controls().unmute(u.member())
                    .thenApply(wasMuted -> had || wasMuted ? ServerMessage.Ok.of(u.id())
                            : notFound(u.id(), "error.no_pause"))));
        } else if (m instanceof ModRequest.Kick k) {
            withPublicRoom(c, k.id(), k.room(), room -> kicks.kick(room, who, k));
        } else if (m instanceof ModRequest.Ban b) {
            async(c, b.id(), () -> banning.ban(who, b));
        } else if (m instanceof ModRequest.Unban u) {
            async(c, u.id(), () -> {
                if (!bans.lift(u.ban(), who)) {
                    return notFound(u.id(), "error.no_ban");
                }
                audit.record(who, AuditAction.UNBAN, u.ban(), null, null);
                return ServerMessage.Ok.of(u.id());
            });
        } else if (m instanceof ModRequest.Slow sl) {
            withPublicRoom(c, sl.id(), sl.room(), room -> room.controls().slow(sl.seconds()).thenApplyAsync(x -> {
                audit.record(who, AuditAction.SLOW, null, sl.room(), sl.seconds() + "s");
                return ServerMessage.Ok.of(sl.id());
            }, blocking));
        } else if (m instanceof ModRequest.Lock l) {
            withPublicRoom(c, l.id(), l.room(), room -> room.controls().lock(l.locked()).thenApplyAsync(x -> {
                audit.record(who, l.locked() ? AuditAction.LOCK : AuditAction.UNLOCK, null, l.room(), null);
                return ServerMessage.Ok.of(l.id());
            }, blocking));
        } else if (m instanceof ModRequest.Approve a) {
            withRoom(c, a.id(), a.room(), room -> review.approve(room, a.msg(), who, a.reason(), a.id()));
        } else if (m instanceof ModRequest.Reject r) {
            withRoom(c, r.id(), r.room(), room -> review.reject(r.room(), r.msg(), who, r.reason(), r.id()));
        } else if (m instanceof ModRequest.Claim cl) {
            async(c, cl.id(), () -> escalations.claim(cl.escalation(), who)
                    .<ServerMessage>map(e -> ServerMessage.Ok.of(cl.id()))
                    .orElseGet(() -> claimRefused(cl)));
        } else if (m instanceof ModRequest.Reach r && handOff != null) {
            handOff.reach(c, s, r);
        } else if (m instanceof ModRequest.Close cl && handOff != null) {
            handOff.close(c, s, cl);
        } else if (m instanceof ModRequest.Reach || m instanceof ModRequest.Close) {
            c.send(Sentence.of("error.handoff_off").error(m.id(), ErrorCode.FORBIDDEN));
        } else if (m instanceof ModRequest.Resolve r) {
            async(c, r.id(), () -> escalations.resolve(r.escalation(), who, r.outcome(), r.note())
                    .<ServerMessage>map(e -> ServerMessage.Ok.of(r.id()))
                    .orElseGet(() -> notFound(r.id(), "error.escalation_gone")));
        }
    }

    /** A moderator connection closed. */
    public void closed(Outbound c) {
        hub.unwatch(c);
    }

    private ServerMessage claimRefused(ModRequest.Claim cl) {
        return escalations.find(cl.escalation())
                .<ServerMessage>map(e -> (e.claimedBy() != null
                        ? Sentence.of("error.claimed", "name", e.claimedBy())
                        : Sentence.of("error.escalation_resolved")).error(cl.id(), ErrorCode.FORBIDDEN))
                .orElseGet(() -> notFound(cl.id(), "error.unknown.escalation"));
    }

    /**
     * Mutes a member connected here, or in the room through any node: the mute is stored and
     * published ({@link Mutes}), so the member's node pauses and tells it ({@link StaffSync}).
     */
    private CompletableFuture<ServerMessage> mute(Room room, String who, ModRequest.Mute mu) {
        CompletableFuture<Boolean> reachable = sessions.byMember(mu.member()).isPresent()
                ? CompletableFuture.completedFuture(true) : room.controls().inRoom(mu.member());
        return reachable.thenCompose(there -> there ? muteNow(room, who, mu)
                : CompletableFuture.completedFuture(notFound(mu.id(), "error.pause_gone")));
    }

    private CompletableFuture<ServerMessage> muteNow(Room room, String who, ModRequest.Mute mu) {
        long now = clock.getAsLong();
        long seconds = Math.max(1, mu.seconds());
        long until = now + seconds * 1000;
        return CompletableFuture.supplyAsync(() -> {
            mutes.put(new Mute(mu.room(), mu.member(), until, who, mu.reason(), now));
            audit.record(who, AuditAction.MUTE, mu.member(), mu.room(), seconds + "s"
                    + (mu.reason() == null ? "" : ": " + mu.reason()));
            return until;
        }, blocking).thenCompose(u -> room.controls().mute(mu.member(), u, Mutes.sentence(seconds, mu.reason())))
                .thenApply(present -> ServerMessage.Ok.of(mu.id()));
    }

    /** The {@code queue} reply, its events enriched all at once ({@link ModeratorHub#enrichQueue}); blocking pool. */
    private ServerMessage.Queue queue(String id) {
        List<ModEvent> all = new java.util.ArrayList<>(review.pending());
        store.reports().listOpen().stream().map(ModeratorRequests::event).forEach(all::add);
        escalations.unresolved().stream().map(Escalations::event).forEach(all::add);
        all.addAll(hub.recentAlerts(clock.getAsLong()));
        List<ModEvent> enriched = hub.enrichQueue(all);
        return new ServerMessage.Queue(id, only(enriched, ModEvent.Held.class),
                only(enriched, ModEvent.ReportFiled.class), only(enriched, ModEvent.Escalation.class),
                only(enriched, ModEvent.Alert.class));
    }

    private static <E extends ModEvent> List<E> only(List<ModEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static ModEvent.ReportFiled event(Report r) {
        return event(r, ModEvent.ReportFiled.OPEN);
    }

    /** The {@code mod.report} event of {@code r} with the given status ({@code open} or {@code dismissed}). */
    static ModEvent.ReportFiled event(Report r, String status) {
        return new ModEvent.ReportFiled(r.id(), r.room(), r.msgId(), r.reportedId(), r.reason(), r.excerpt(),
                r.createdAt(), status);
    }

    /**
     * As {@link #withRoom}, but a private conversation's room is {@code not_found}: delete, mute,
     * kick, slow mode and lock would break a warm hand-off from outside it (its two people end it
     * with {@code leave} or {@code mod.close}).
     */
    private void withPublicRoom(Outbound c, String id, String roomId,
            java.util.function.Function<Room, CompletableFuture<ServerMessage>> action) {
        if (handOff != null && handOff.handles(roomId)) {
            c.send(Refusal.NO_SUCH_ROOM.toError(id));
            return;
        }
        withRoom(c, id, roomId, action);
    }

    private void withRoom(Outbound c, String id, String roomId,
            java.util.function.Function<Room, CompletableFuture<ServerMessage>> action) {
        Room room = rooms.get(roomId);
        if (room == null) {
            c.send(Refusal.NO_SUCH_ROOM.toError(id));
            return;
        }
        reply(c, id, action.apply(room));
    }

    private void async(Outbound c, String id, Supplier<ServerMessage> work) {
        reply(c, id, CompletableFuture.supplyAsync(work, blocking));
    }

    private static void reply(Outbound c, String id, CompletableFuture<ServerMessage> f) {
        c.sendWhenDone(f, err -> {
            LOG.warn("moderator request failed error={}", Throwables.rootCause(err).getClass().getSimpleName());
            return Sentence.of("error.action_failed").error(id, ErrorCode.INTERNAL);
        });
    }

    /** A {@code not_found} reply to request {@code id} saying the catalog's sentence {@code key} ({@code i18n/en.json}). */
    static ServerMessage.Error notFound(String id, String key) {
        return Sentence.of(key).error(id, ErrorCode.NOT_FOUND);
    }
}
