package org.kindred.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.paging.PagingConfig;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.transport.AddressLimiter;
import org.kindred.server.transport.Connection;
import org.kindred.server.dispatch.Dispatcher;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.transport.ConnectionAdmission;
import org.kindred.server.transport.ConnectionGroup;
import org.kindred.server.transport.EventLoops;
import org.kindred.server.transport.HttpLimits;
import org.kindred.server.transport.HttpRouter;
import org.kindred.server.transport.OriginGuard;
import org.kindred.server.transport.ServerInitializer;
import org.kindred.server.transport.StallWatchdog;
import org.kindred.server.transport.WebSocketFrameHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the services and runs the server on one port (HTTP and {@code /ws}). */
public final class KindredServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KindredServer.class);

    private final KindredConfig config;
    private final LongSupplier clock = System::currentTimeMillis;
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    /** Runs /metrics scrapes (walking every meter takes milliseconds) off the event loops. */
    private final java.util.concurrent.ExecutorService reporting = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kindred-reporting");
                t.setDaemon(true);
                return t;
            });
    private final ConnectionGroup connections = new ConnectionGroup();
    private EventLoops loops;
    private Channel serverChannel;
    private RoomRegistry rooms;
    private SessionRegistry sessions;
    private volatile boolean ready;
    private volatile boolean stopped;

    private final com.fasterxml.jackson.databind.JsonNode sections;
    private StoreServices durable;
    private StaffServices staff;
    private String bootstrapSpec;
    private Duration stallThreshold = StallWatchdog.DEFAULT_THRESHOLD;
    private StallWatchdog watchdog;
    private org.kindred.server.common.Timer checkInTimer;
    private RoomSetup.Cluster cluster = RoomSetup.Cluster.DEFAULT;
    private RoomSetup roomSetup;
    private volatile org.kindred.server.session.CheckIns checkIns;

    public KindredServer(KindredConfig config) {
        this(config, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    /** With the other sections of the configuration file ({@code store}, {@code crisis}, …). */
    public KindredServer(KindredConfig config, com.fasterxml.jackson.databind.JsonNode sections) {
        this.config = config;
        this.sections = sections;
    }

    /**
     * Binds the port and starts serving; returns once the server accepts connections. When
     * anything fails on the way (the port is taken, the store cannot open …) everything started
     * so far is released (no event-loop thread is left to keep the JVM alive) and the failure
     * is thrown.
     */
    public KindredServer start() throws InterruptedException {
        try {
            return startUnsafe();
        } catch (Throwable t) {
            releaseAfterFailedStart();
            throw t;
        }
    }

    /**
     * How long one event-loop task may run before it is logged and counted as a stall
     * ({@link StallWatchdog}); default 50 ms. Call before {@link #start()}.
     */
    public KindredServer stallThreshold(Duration threshold) {
        this.stallThreshold = java.util.Objects.requireNonNull(threshold, "threshold");
        return this;
    }

    /**
     * The timer that brings planned check-ins due; default: the services' {@code kindred-timer}
     * thread. Tests pass one they advance by hand. Call before {@link #start()}.
     */
    public KindredServer checkInTimer(org.kindred.server.common.Timer timer) {
        this.checkInTimer = java.util.Objects.requireNonNull(timer, "timer");
        return this;
    }

    /** The Redis password when it is not in the URL (from the environment; never logged). Before {@link #start()}. */
    public KindredServer redisPassword(String password) {
        cluster = new RoomSetup.Cluster(password, cluster.prefix(), cluster.nodeTtlMillis());
        return this;
    }

    /**
     * The Redis keys' prefix (default {@code kindred:}) and how long a dead node's members stay
     * listed, ms; tests give each cluster its own prefix on one Redis. Before {@link #start()}.
     */
    public KindredServer redisKeys(String prefix, long nodeTtlMillis) {
        cluster = new RoomSetup.Cluster(cluster.password(), java.util.Objects.requireNonNull(prefix, "prefix"),
                nodeTtlMillis);
        return this;
    }

    /** This node's Redis engines, or null on one node in memory; for operations and tests. */
    public org.kindred.server.broker.redis.RedisEngines redisEngines() {
        return roomSetup == null ? null : roomSetup.engines();
    }

    /** The sessions' follow-up check-ins (in memory); for operations and tests. */
    public org.kindred.server.session.CheckIns checkIns() {
        return checkIns;
    }

    private void releaseAfterFailedStart() {
        stopped = true;
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

    private KindredServer startUnsafe() throws InterruptedException {
        loops = new EventLoops();
        watchdog = new StallWatchdog(loops.all(), stallThreshold, metrics).start();

        ModerationSetup.Built moderation = ModerationSetup.build(config, section("moderation"));
        NickRules nicks = new NickRules(moderation.pipeline()::acceptableNick);
        // one node: in memory, rooms on the event loops; with redis: shared engines, rooms on workers
        roomSetup = RoomSetup.build(config, cluster, () -> loops.workers().next(), codec, metrics, nicks, clock);
        rooms = roomSetup.rooms();
        sessions = new SessionRegistry(Duration.ofSeconds(config.resumeWindowSeconds()), config.historySize(),
                s -> {
                    if (checkIns != null) {
                        checkIns.ended(s); // check-ins live with the session
                    }
                    for (String roomId : s.rooms()) {
                        Room r = rooms.get(roomId);
                        if (r != null) {
                            r.expire(s);
                        }
                    }
                    if (staff != null) {
                        staff.handOff().sessionEnded(s); // its private conversation ends with it
                    }
                });
        roomSetup.shareSessions(sessions, config.resumeWindowSeconds() * 1000L);
        PagingConfig paging = PagingConfig.from(section("paging")); // checked before anything opens
        CrisisConfig crisisConfig = CrisisSetup.config(section("crisis"));
        durable = StoreServices.open(config, section("store"));
        roomSetup.useFloors(durable.store().seqFloors(), durable.blocking());
        staff = StaffServices.start(durable.store(), durable.blocking(), durable.scheduler(), paging,
                crisisConfig.reannounceInterval(), codec, rooms, sessions, clock, roomSetup.staffEvents());
        if (roomSetup.engines() != null) { // private conversations between nodes: shared records, events between them
            staff.handOff().acrossNodes(new HandOffLedger(roomSetup.engines().handOffs(), roomSetup.engines().nodeId()),
                    roomSetup.staffEvents(), durable.scheduler());
        }
        durable.restoreMutes(rooms, clock.getAsLong());
        CrisisSupport crisis = CrisisSetup.support(config.dataDir(), staff.escalations(), durable.blocking());
        staff.bootstrap(bootstrapSpec); // before the port opens, so a first login finds the account
        reserveStaffNames(nicks);
        durable.scheduler().scheduleWithFixedDelay(() -> reserveStaffNames(nicks), 5, 5, TimeUnit.SECONDS);
        roomSetup.startSweeps(durable.scheduler());
        checkIns = new org.kindred.server.session.CheckIns(
                checkInTimer != null ? checkInTimer : org.kindred.server.common.Timer.of(durable.scheduler()),
                org.kindred.server.crisis.CheckInQuestions.bundled()::question,
                org.kindred.server.session.CheckIns.DEFAULT_MAX_PLANNED);
        if (sessions.shared() != null) {
            sessions.shared().carry(checkIns); // check-ins follow a session resumed on another node
        }
        roomSetup.shareRates(moderation.config());
        SessionLimits sessionLimits = SessionLimits.from(section("sessions"));
        Dispatcher dispatcher = RequestLayer.dispatcher(config, codec, sessions, rooms, durable, staff, crisis,
                crisisConfig, moderation, checkIns, clock, sessionLimits, roomSetup.newSessions(sessionLimits));
        AddressLimiter limiter = new AddressLimiter(config.maxConnectionsPerAddress());

        metrics.gauge("kindred.rooms", "Configured rooms", () -> rooms.size());
        metrics.gauge("kindred.sessions", "Live sessions, attached or resumable", () -> sessions.size());
        for (org.kindred.protocol.Role role : org.kindred.protocol.Role.values()) {
            if (role.canModerate()) {
                metrics.gauge("kindred.staff.watching", "role", role.name().toLowerCase(java.util.Locale.ROOT),
                        "Staff connections watching rooms (mod.watch), by role", () -> staff.hub().watching(role));
            }
        }

        OriginGuard guard = new OriginGuard(config.allowedOrigins(), metrics::originRefused);
        HttpRouter router = new HttpRouter(HttpApi.endpoints(durable.store(), durable.blocking(), staff.tokens(), staff.hub(),
                durable.fingerprinter(), crisis.responder(), guard, codec, rooms, metrics, reporting,
                () -> ready && !stopped && roomSetup.ready()));
        // Shared by every connection (per-connection state lives in the handler and Connection only).
        Connection.Limits limits = new Connection.Limits(config.requestBurst(), config.requestsPerSecond(),
                config.maxProtocolErrors());
        ConnectionAdmission admission = new ConnectionAdmission(limiter, durable.fingerprinter()::fingerprint);
        metrics.gauge("kindred.outbound.pending.bytes", "Bytes queued for WebSocket clients, not yet sent",
                connections::pendingOutboundBytes);
        ServerInitializer init = new ServerInitializer(config, HttpLimits.from(sections.get("http")), metrics,
                admission, router, guard, () -> new WebSocketFrameHandler(dispatcher, codec, metrics, limits, clock,
                connections));

        ServerBootstrap b = new ServerBootstrap()
                .group(loops.boss(), loops.workers())
                .channel(loops.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.outboundQueueBytes() / 2, config.outboundQueueBytes()))
                .childHandler(init);
        serverChannel = b.bind(config.host(), config.port()).sync().channel();
        ready = true;
        LOG.info("Kindred listening port={} rooms={} transport={}", port(), rooms.size(), loops.kind());
        return this;
    }

    private com.fasterxml.jackson.databind.JsonNode section(String name) {
        com.fasterxml.jackson.databind.JsonNode n = sections == null ? null : sections.get(name);
        return n == null || n.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : n;
    }

    /**
     * Creates the moderator of {@code name:password} if absent (KINDRED_BOOTSTRAP_MODERATOR):
     * at start-up when called before {@link #start()}, at once when called after.
     */
    public KindredServer bootstrapModerator(String spec) {
        if (staff == null) {
            bootstrapSpec = spec;
        } else {
            staff.bootstrap(spec);
        }
        return this;
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The store (SQLite in the data directory, or PostgreSQL); for operations and tests. */
    public org.kindred.server.store.Store store() {
        return durable.store();
    }

    /** The staff services (accounts, bans, escalations, review, hand-off …); for operations and tests. */
    public StaffServices staff() {
        return staff;
    }

    public Metrics metrics() {
        return metrics;
    }

    public RoomRegistry rooms() {
        return rooms;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /**
     * Graceful stop: no new connections, every member gets close 1001, then the event loops
     * finish within the configured grace period. Idempotent.
     */
    public synchronized void stop() {
        if (stopped || serverChannel == null) {
            return;
        }
        stopped = true;
        LOG.info("Kindred stopping connections={}", connections.size());
        watchdog.close();
        serverChannel.close().syncUninterruptibly();
        long graceMs = config.shutdownGraceSeconds() * 1000L;
        connections.closeAll(CloseCodes.GOING_AWAY, "Server shutting down", graceMs);
        loops.shutdownGracefully(graceMs);
        reporting.shutdownNow();
        durable.close();
        roomSetup.close();
        LOG.info("Kindred stopped");
    }

    /** Blocks until the server channel closes. */
    public void awaitClose() throws InterruptedException {
        serverChannel.closeFuture().sync();
    }

    @Override
    public void close() {
        stop();
    }

    /** Members may not take a staff account's name; the names are re-read off the event loop. */
    private void reserveStaffNames(NickRules nicks) {
        try {
            nicks.reserveStaffNames(staff.accounts().list().stream().map(a -> a.name()).toList());
        } catch (RuntimeException e) {
            LOG.warn("staff names not refreshed error={}", e.getClass().getSimpleName());
        }
    }
}
