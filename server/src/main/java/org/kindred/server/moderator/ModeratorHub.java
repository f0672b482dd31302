package org.kindred.server.moderator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.ConsoleEvent;
import org.kindred.server.transport.Outbound;

/**
 * The moderator connections that asked for {@code mod.*} events with {@code mod.watch}, and
 * the rooms each watches ({@code *} for all): this node's ({@link LocalWatchers}) and, once
 * relayed, the other nodes'. Thread-safe; an event is encoded once and shared.
 */
public final class ModeratorHub {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModeratorHub.class);
    private final ProtocolCodec codec;
    private final LocalWatchers watchers;
    /** The latest alerts, so a console that reloads still shows them (memory only). */
    private final RecentAlerts recentAlerts = new RecentAlerts();

    /** How many alerts {@link #recentAlerts} keeps at most. */
    public static final int RECENT_ALERTS = 100;
    /** How long {@link #recentAlerts} keeps an alert, in ms (as long as a room keeps its history). */
    public static final long RECENT_ALERT_MS = 3_600_000;
    private final ConsoleEnrichment enrichment = new ConsoleEnrichment();
    private volatile ClusterEvents relay;
    private final RemoteWatches remote = new RemoteWatches(() -> System.nanoTime() / 1_000_000);
    private volatile java.util.function.Consumer<java.util.Set<String>> watchedElsewhere = rooms -> { };

    public ModeratorHub(ProtocolCodec codec) {
        this.codec = codec;
        this.watchers = new LocalWatchers(codec, System::currentTimeMillis);
    }

    /** Replaces what {@code c} watches, as a moderator (every event). */
    public void watch(Outbound c, List<String> rooms) {
        watch(c, rooms, Role.MODERATOR);
    }

    /**
     * Replaces what {@code c} watches: {@code rooms} (room ids or {@code *}); {@code role} decides
     * which events it gets ({@link StaffPermissions#receives}).
     */
    public void watch(Outbound c, List<String> rooms, Role role) {
        watch(c, rooms, role, null);
    }

    /**
     * As {@link #watch(Outbound, List, Role)}, for the staff member named {@code name} (the account
     * name, or null): from now until {@link #unwatch} they are listed by {@link #onDuty()} on every
     * node, since the first time this connection watched.
     */
    public void watch(Outbound c, List<String> rooms, Role role, String name) {
        watchers.watch(c, rooms, role, name);
        announceWatching();
    }

    /**
     * The staff on duty now, on this node and (with {@link #relayVia}) every other: one entry per
     * name, sorted by name (see {@link OnDuty#merge}). Connections watching without a name are not
     * listed.
     */
    public List<OnDuty> onDuty() {
        List<OnDuty> all = new java.util.ArrayList<>(watchers.onDuty());
        all.addAll(remote.staff());
        return OnDuty.merge(all);
    }

    /** How many connections of {@code role} watch some room now (the {@code /metrics} staff gauge). */
    public int watching(Role role) {
        return watchers.watching(role);
    }

    public void unwatch(Outbound c) {
        if (watchers.unwatch(c)) {
            announceWatching();
        }
    }

    /**
     * True when some staff connection (any role) watches {@code room} or all rooms (null room: all
     * rooms only), on this node or, once {@link #relayVia relayed}, on another.
     */
    public boolean isWatched(String room) {
        return watchers.cover(room) || remote.covers(room);
    }

    /**
     * Sets the one listener told, on the relay's thread, the rooms (ids and {@code *}) that staff
     * on another node have begun to watch, once this node counts them as watched ({@link #isWatched}):
     * a state published before this node knew of them reached nobody there, so the listener
     * publishes the present one again. Never told on one node alone. It must not block.
     */
    public void whenWatchedElsewhere(java.util.function.Consumer<java.util.Set<String>> listener) {
        this.watchedElsewhere = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * Tells the other nodes which rooms this node's staff watch (nothing before {@link #relayVia}).
     * Synchronized: a heartbeat's snapshot and a change's are published in the order they were taken.
     */
    private synchronized void announceWatching() {
        ClusterEvents r = relay;
        if (r == null) {
            return;
        }
        r.publishConsole(new ConsoleEvent(null,
                RemoteWatches.announcement(watchers.rooms(), OnDuty.merge(watchers.onDuty())), r.nodeId()));
    }

    /**
     * Sets what every published event passes through first (e.g. {@link Whereabouts#enrich}: the
     * member's current nickname and room); it gets the event and its room, returns the event to send.
     */
    public void enrichWith(java.util.function.BiFunction<ModEvent, String, ModEvent> f) {
        enrichment.now(f);
    }

    /**
     * Sets how, once {@link #relayVia relayed}, a live event about a member is enriched when someone
     * watches its room: {@code f} gets the event and its room and completes with the event to send
     * (e.g. {@link Whereabouts#enrichLater}, which also finds a member connected to another node). It
     * must not wait: events are published from event loops. The events still go out in the order
     * they were published (a slow lookup holds back the events after it, never reorders them).
     */
    public void enrichLiveWith(java.util.function.BiFunction<ModEvent, String,
            java.util.concurrent.CompletionStage<ModEvent>> f) {
        enrichment.later(f);
    }

    /**
     * Sets what the {@code queue} reply's events pass through instead of {@link #enrichWith}'s
     * function, all at once (e.g. {@link Whereabouts#enrichAll}, which may block: the reply is put
     * together on the blocking pool); it gets the events and returns them enriched, in the same order.
     */
    public void enrichQueueWith(java.util.function.UnaryOperator<List<ModEvent>> f) {
        enrichment.queue(f);
    }

    /**
     * {@code events} as moderators see them, in the same order (see {@link #enrichQueueWith}, else
     * {@link #enrichWith}); for the {@code queue} reply, on the blocking pool.
     */
    public List<ModEvent> enrichQueue(List<ModEvent> events) {
        return enrichment.queue(events);
    }

    /**
     * Relays, from now on, every event published here to the moderators watching on the other
     * nodes of a cluster, and delivers the events they publish to the watchers here. Room states
     * ({@code mod.room}, whose count is the shared presence's) are relayed only while someone
     * watches the room on some node, as members come and go often.
     * Events are enriched on the node where they happen ({@link #enrichLiveWith}). Also announces
     * which rooms this node's staff watch, on change and every few seconds on {@code scheduler}, so
     * that {@link #isWatched} covers every node ({@link RemoteWatches}).
     */
    public void relayVia(ClusterEvents events, java.util.concurrent.ScheduledExecutorService scheduler) {
        java.util.Objects.requireNonNull(events, "events");
        if (!events.reachesOtherNodes()) {
            return; // one node alone: nothing to relay, nobody else watching
        }
        this.relay = events;
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                announceWatching();
            } catch (RuntimeException e) {
                LOG.warn("watching announcement failed error={}", e.getClass().getSimpleName());
            }
        }, 0, RemoteWatches.HEARTBEAT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        events.subscribe(new ClusterEvents.Listener() {
            @Override
            public void changed(org.kindred.server.events.StaffChange change) {
            }

            @Override
            public void console(ConsoleEvent e) {
                if (!events.nodeId().equals(e.origin())) {
                    received(e);
                }
            }
        });
    }

    private void received(ConsoleEvent e) {
        if (remote.take(e.origin(), e.json(), watchedElsewhere)) {
            return;
        }
        ServerMessage m;
        try {
            m = codec.decodeServer(e.json());
        } catch (java.io.IOException | RuntimeException ex) {
            LOG.warn("ignored a relayed console event that cannot be read error={}", ex.getClass().getSimpleName());
            return;
        }
        if (m instanceof ModEvent event) {
            remember(event);
            deliver(e.room(), event);
        }
    }

    /**
     * Sends the event to every staff connection watching {@code room} (null: only those watching
     * all) whose role receives this kind of event ({@link StaffPermissions#receives}), here and,
     * once {@link #relayVia relayed}, on every other node. Never waits (safe on an event loop); once
     * relayed, an event may go out a moment later, after its member was looked up on the other nodes
     * ({@link #enrichLiveWith}), in the order the events were published.
     */
    public void publish(String room, ModEvent event) {
        remember(event);
        ClusterEvents r = relay;
        if (r == null) {
            deliver(room, isWatched(room) ? enrichment.now(event, room) : event);
            return;
        }
        boolean watched = isWatched(room);
        if (event instanceof ModEvent.RoomState && !watched) {
            return; // a count nobody watches, on any node
        }
        enrichment.inOrder(event, room, watched, enriched -> {
            deliver(room, enriched);
            r.publishConsole(new ConsoleEvent(room, new String(codec.encode(enriched), StandardCharsets.UTF_8),
                    r.nodeId()));
        });
    }

    /** Keeps an alert for {@link #recentAlerts}. */
    private void remember(ModEvent event) {
        if (event instanceof ModEvent.Alert alert) {
            recentAlerts.add(alert);
        }
    }

    /** Delivers an event (already enriched) to the watchers of this node. */
    private void deliver(String room, ModEvent event) {
        if (isWatched(room)) {
            watchers.deliver(room, event);
        }
    }

    /**
     * The alerts published in the last {@link #RECENT_ALERT_MS} before {@code now} (epoch ms),
     * at most {@link #RECENT_ALERTS}, oldest first; older ones are forgotten.
     */
    public List<ModEvent.Alert> recentAlerts(long now) {
        return recentAlerts.since(now);
    }
}
