package org.kindred.server;

import java.util.concurrent.ExecutorService;
import org.kindred.protocol.CloseCodes;
import org.kindred.server.transport.ConnectionGroup;
import org.kindred.server.transport.EventLoops;
import org.kindred.server.transport.Listener;
import org.kindred.server.transport.StallWatchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order in which {@link KindredServer} lets go of its parts: gracefully when it stops, at
 * once when its start failed half-way. Stateless; the server decides when (and only once).
 */
final class ServerShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(ServerShutdown.class);

    private ServerShutdown() {
    }

    /**
     * What a server lets go of, as it holds it; a part that has not started (a failed start) is null.
     *
     * @param watchdog the event-loop stall watchdog
     * @param listener the port's listener
     * @param connections every open connection
     * @param loops the Netty event loops
     * @param reporting the thread that runs {@code /metrics} scrapes
     * @param durable the store and its threads
     * @param roomSetup the rooms' cluster side (Redis engines and workers), or what stands for it on one node
     */
    record Parts(StallWatchdog watchdog, Listener listener, ConnectionGroup connections, EventLoops loops,
            ExecutorService reporting, StoreServices durable, RoomSetup roomSetup) {
    }

    /**
     * Graceful stop: the stall watchdog stops, the port stops accepting, every connection gets
     * close 1001 ("Server shutting down") and the event loops finish within {@code graceMs}; then
     * the reporting thread, the store (its pending work, up to 5 s) and the rooms' cluster side
     * close. Blocks until done; every part must have started ({@code graceMs} in ms, {@code >= 0}).
     */
    static void graceful(Parts parts, long graceMs) {
        parts.watchdog().close();
        parts.listener().close();
        parts.connections().closeAll(CloseCodes.GOING_AWAY, "Server shutting down", graceMs);
        parts.loops().shutdownGracefully(graceMs);
        parts.reporting().shutdownNow();
        parts.durable().close();
        parts.roomSetup().close();
    }

    /**
     * After a failed start: releases what had started (a null part had not), at once, so no
     * thread is left to keep the JVM alive: of {@code parts} it closes the watchdog, the event loops
     * (at once), the rooms' cluster side and the store. A store that fails to close is logged (its
     * exception class only), not thrown, so the start's own failure is what the caller sees.
     */
    static void afterFailedStart(Parts parts) {
        StallWatchdog watchdog = parts.watchdog();
        EventLoops loops = parts.loops();
        RoomSetup roomSetup = parts.roomSetup();
        StoreServices durable = parts.durable();
        if (watchdog != null) {
            watchdog.close();
        }
        if (loops != null) {
            loops.shutdownNow();
        }
        if (roomSetup != null) {
            roomSetup.close();
        }
        if (durable != null) {
            try {
                durable.close();
            } catch (RuntimeException e) {
                LOG.warn("closing services after a failed start failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
