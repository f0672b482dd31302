package org.kindred.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.common.NamedThreads;
import org.kindred.server.common.Timer;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CheckInQuestions;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.paging.PagingConfig;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.transport.AddressLimiter;
import org.kindred.server.transport.Connection;
import org.kindred.server.dispatch.Dispatcher;
import org.kindred.server.session.CheckIns;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.transport.ConnectionAdmission;
import org.kindred.server.transport.ConnectionGroup;
import org.kindred.server.transport.EventLoops;
import org.kindred.server.transport.HttpLimits;
import org.kindred.server.transport.HttpRouter;
import org.kindred.server.transport.Listener;
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
    private final ExecutorService reporting = Executors.newSingleThreadExecutor(
            NamedThreads.daemon("kindred-reporting"));
    private final ConnectionGroup connections = new ConnectionGroup();
    private EventLoops loops;
    private Listener listener;
    private RoomRegistry rooms;
    private SessionRegistry sessions;
    private volatile boolean ready;
    private volatile boolean stopped;

    private final JsonNode sections;
    private StoreServices durable;
    private StaffServices staff;
    private String bootstrapSpec;
    private Duration stallThreshold = StallWatchdog.DEFAULT_THRESHOLD;
    private StallWatchdog watchdog;
    private Timer checkInTimer;
    private RoomSetup.Cluster cluster = RoomSetup.Cluster.DEFAULT;
    private RoomSetup roomSetup;
    private volatile CheckIns checkIns;

    public KindredServer(KindredConfig config) {
        this(config, JsonNodeFactory.instance.objectNode());
    }

    /** With the other sections of the configuration file ({@code store}, {@code crisis}, …). */
    public KindredServer(KindredConfig config, JsonNode sections) {
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
        this.stallThreshold = Objects.requireNonNull(threshold, "threshold");
        return this;
    }

    /**
     * The timer that brings planned check-ins due; default: the services' {@code kindred-timer}
     * thread. Tests pass one they advance by hand. Call before {@link #start()}.
     */
    public KindredServer checkInTimer(Timer timer) {
        this.checkInTimer = Objects.requireNonNull(timer, "timer");
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
        cluster = new RoomSetup.Cluster(cluster.password(), Objects.requireNonNull(prefix, "prefix"),
                nodeTtlMillis);
        return this;
    }

    /** This node's Redis engines, or null on one node in memory; for operations and tests. */
    public org.kindred.server.broker.redis.RedisEngines redisEngines() {
        return roomSetup == null ? null : roomSetup.engines();
    }

    /** The sessions' follow-up check-ins (in memory); for operations and tests. */
    public CheckIns checkIns() {
        return checkIns;
    }

    private void releaseAfterFailedStart() {
        stopped = true;
        ServerShutdown.afterFailedStart(parts());
    }

    private ServerShutdown.Parts parts() {
        return new ServerShutdown.Parts(watchdog, listener, connections, loops, reporting, durable, roomSetup);
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
        // the numbering skips the store while its periodic jobs know it is down (no wait for the pool's timeout)
        roomSetup.useFloors(durable.jobs().watching(durable.store().seqFloors()), durable.blocking());
        staff = StaffServices.start(durable.store(), durable.blocking(), durable.jobs(), paging,
                crisisConfig.reannounceInterval(), codec, rooms, sessions, clock, roomSetup.staffEvents());
        if (roomSetup.engines() != null) { // private conversations between nodes: shared records, events between them
            staff.handOff().acrossNodes(new HandOffLedger(roomSetup.engines().handOffs(), roomSetup.engines().nodeId()),
                    roomSetup.staffEvents(), durable.scheduler());
        }
        durable.restoreMutes(rooms, clock.getAsLong());
        CrisisSupport crisis = CrisisSetup.support(config.dataDir(), staff.escalations(), durable.blocking(), clock);
        staff.bootstrap(bootstrapSpec); // before the port opens, so a first login finds the account
        StaffNameReservation.start(staff, nicks, durable.jobs());
        roomSetup.startSweeps(durable.scheduler());
        checkIns = new CheckIns(checkInTimer != null ? checkInTimer : Timer.of(durable.scheduler()),
                CheckInQuestions.bundled()::question, CheckIns.DEFAULT_MAX_PLANNED);
        if (sessions.shared() != null) {
            sessions.shared().carry(checkIns); // check-ins follow a session resumed on another node
        }
        roomSetup.shareRates(moderation.config());
        SessionLimits sessionLimits = SessionLimits.from(section("sessions"));
        Dispatcher dispatcher = RequestLayer.dispatcher(config, codec, sessions, rooms, durable, staff, crisis,
                crisisConfig, moderation, checkIns, clock, sessionLimits, roomSetup.newSessions(sessionLimits));
        AddressLimiter limiter = new AddressLimiter(config.maxConnectionsPerAddress());

        ServerGauges.register(metrics, rooms, sessions, staff, connections);

        OriginGuard guard = new OriginGuard(config.allowedOrigins(), metrics::originRefused);
        HttpRouter router = new HttpRouter(HttpApi.endpoints(durable.store(), durable.blocking(), staff.tokens(), staff.hub(),
                durable.fingerprinter(), crisis.responder(), guard, codec, rooms, metrics, reporting,
                // a store its jobs know is down answers 503 at once: no probe waits the pool's 2 s on a store thread
                () -> ready && !stopped && roomSetup.ready() && !durable.jobs().knownDown()));
        // Shared by every connection (per-connection state lives in the handler and Connection only).
        Connection.Limits limits = new Connection.Limits(config.requestBurst(), config.requestsPerSecond(),
                config.maxProtocolErrors());
        ConnectionAdmission admission = new ConnectionAdmission(limiter, durable.fingerprinter()::fingerprint);
        ServerInitializer init = new ServerInitializer(config, HttpLimits.from(sections.get("http")), metrics,
                admission, router, guard, () -> new WebSocketFrameHandler(dispatcher, codec, metrics, limits, clock,
                connections));
        listener = Listener.bind(loops, config.host(), config.port(), config.outboundQueueBytes(), init);
        ready = true;
        LOG.info("Kindred listening port={} rooms={} transport={}", port(), rooms.size(), loops.kind());
        return this;
    }

    private JsonNode section(String name) {
        return ConfigCheck.section(sections, name);
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
        return listener.port();
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
        if (stopped || listener == null) {
            return;
        }
        stopped = true;
        LOG.info("Kindred stopping connections={}", connections.size());
        ServerShutdown.graceful(parts(), config.shutdownGraceSeconds() * 1000L);
        LOG.info("Kindred stopped");
    }

    /** Blocks until the server channel closes. */
    public void awaitClose() throws InterruptedException {
        listener.awaitClose();
    }

    @Override
    public void close() {
        stop();
    }
}
