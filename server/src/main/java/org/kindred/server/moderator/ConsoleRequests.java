package org.kindred.server.moderator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.RoomSummary;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Session;
import org.kindred.server.store.Ban;
import org.kindred.server.store.Report;
import org.kindred.server.store.ReportStatus;
import org.kindred.server.store.ReportStore;

/**
 * The moderation console's 1.1 requests and pushes: {@code mod.bans} (the bans in force),
 * {@code mod.dismiss} (a report leaves every moderator's queue) and {@code mod.room} (live
 * people counts and locks for watching moderators).
 */
final class ConsoleRequests {
    /** At most this many nicknames of banned members are remembered (memory only, newest kept). */
    static final int MAX_NICKS = 10_000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleRequests.class);

    private final RoomRegistry rooms;
    private final ReportStore reports;
    private final BanList bans;
    private final AuditLog audit;
    private final ModeratorHub hub;
    private final LongSupplier clock;
    /** Ban id → the nickname the member had when banned; lost on restart ("when known"). */
    private final Map<String, String> nicks = new ConcurrentHashMap<>();

    ConsoleRequests(RoomRegistry rooms, ReportStore reports, BanList bans, AuditLog audit, ModeratorHub hub,
            LongSupplier clock) {
        this.rooms = rooms;
        this.reports = reports;
        this.bans = bans;
        this.audit = audit;
        this.hub = hub;
        this.clock = clock;
        for (Room room : rooms.all()) {
            room.onChange(s -> publishState(hub, s));
        }
        // A count that changed before another node's watch was announced here went nowhere:
        // tell the new watchers the rooms' states now, each from its room's thread.
        hub.whenWatchedElsewhere(watched -> {
            for (Room room : rooms.all()) {
                if (watched.contains(ModRequest.ALL_ROOMS) || watched.contains(room.id())) {
                    room.execute(() -> publishState(hub, room.summary()));
                }
            }
        });
    }

    private static void publishState(ModeratorHub hub, RoomSummary s) {
        hub.publish(s.room(), new ModEvent.RoomState(s.room(), s.members(), s.capacity(), s.locked()));
    }

    /** The nickname the member has in one of its rooms, or null (asked on the rooms' threads; blocking pool only). */
    String nickOf(Session s) {
        for (String roomId : List.copyOf(s.rooms())) {
            Room room = rooms.get(roomId);
            if (room == null) {
                continue;
            }
            try {
                Optional<String> nick = room.queries().member(s.memberId()).get(2, java.util.concurrent.TimeUnit.SECONDS)
                        .map(org.kindred.protocol.MemberInfo::nick);
                if (nick.isPresent()) {
                    return nick.get();
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.debug("nickname of a banned member not found error={}", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /**
     * The nickname a member connected to another node has in one of the rooms (shared presence),
     * or null; blocking pool only.
     */
    String nickAnywhere(String memberId) {
        for (Room room : rooms.all()) {
            try {
                Optional<String> nick = room.queries().memberAnywhere(memberId).get(2, java.util.concurrent.TimeUnit.SECONDS)
                        .map(org.kindred.protocol.MemberInfo::nick);
                if (nick.isPresent()) {
                    return nick.get();
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.debug("nickname of a banned member not found error={}", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Remembers the nickname a banned member had (null: none known). */
    void bannedAs(String banId, String nick) {
        if (nick != null && nicks.size() < MAX_NICKS) {
            nicks.put(banId, nick);
        }
    }

    /** The {@code bans} reply: every ban in force now, newest first. Never blocks. */
    ServerMessage.Bans bans(String reqId) {
        List<ServerMessage.BanInfo> list = bans.active().stream()
                .sorted(Comparator.comparingLong(Ban::createdAt).reversed().thenComparing(Ban::id))
                .map(b -> new ServerMessage.BanInfo(b.id(), b.memberId(), nicks.get(b.id()), b.reason(),
                        b.expiresAt(), b.bannedBy(), b.createdAt()))
                .toList();
        nicks.keySet().retainAll(list.stream().map(ServerMessage.BanInfo::ban).toList());
        return new ServerMessage.Bans(reqId, list);
    }

    /**
     * Closes an open report as dismissed by {@code who}, audits it and tells every watching
     * moderator ({@code mod.report} with status {@code dismissed}); {@code not_found} when the
     * report is unknown or already closed. Blocks on the store.
     */
    ServerMessage dismiss(String who, ModRequest.Dismiss d) {
        Optional<Report> found = reports.find(d.report());
        if (found.isEmpty() || found.get().status() != ReportStatus.OPEN
                || !reports.close(d.report(), who, clock.getAsLong())) {
            return ModeratorRequests.notFound(d.id(), "error.report_unknown");
        }
        Report r = found.get();
        audit.record(who, AuditAction.DISMISS_REPORT, r.id(), r.room(), d.note());
        hub.publish(r.room(), ModeratorRequests.event(r, ModEvent.ReportFiled.DISMISSED));
        return ServerMessage.Ok.of(d.id());
    }
}
