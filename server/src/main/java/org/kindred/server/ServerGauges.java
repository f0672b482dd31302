package org.kindred.server;

import java.util.Locale;
import org.kindred.protocol.Role;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.transport.ConnectionGroup;

/**
 * The server's own gauges, read at each scrape: configured rooms, live sessions, staff
 * connections watching rooms (one gauge per moderating role) and bytes queued for WebSocket
 * clients.
 */
final class ServerGauges {
    private ServerGauges() {
    }

    /** Registers the gauges on {@code metrics}; each reads its source when scraped. */
    static void register(Metrics metrics, RoomRegistry rooms, SessionRegistry sessions, StaffServices staff,
            ConnectionGroup connections) {
        metrics.gauge("kindred.rooms", "Configured rooms", () -> rooms.size());
        metrics.gauge("kindred.sessions", "Live sessions, attached or resumable", () -> sessions.size());
        for (Role role : Role.values()) {
            if (role.canModerate()) {
                metrics.gauge("kindred.staff.watching", "role", role.name().toLowerCase(Locale.ROOT),
                        "Staff connections watching rooms (mod.watch), by role", () -> staff.hub().watching(role));
            }
        }
        metrics.gauge("kindred.outbound.pending.bytes", "Bytes queued for WebSocket clients, not yet sent",
                connections::pendingOutboundBytes);
    }
}
