package org.kindred.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.config.ConfigException;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisDirectory;
import org.kindred.server.crisis.CrisisResponder;
import org.kindred.server.crisis.RiskAssessor;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.text.Normalizer;
import org.kindred.server.moderator.AccountService;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.BanList;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.moderator.Fingerprinter;
import org.kindred.server.moderator.LoginConfig;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.moderator.PasswordHasher;
import org.kindred.server.moderator.ReviewQueue;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Mute;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of the server, assembled once: the store in the data directory, the
 * network fingerprinter, moderator accounts and sign-in, bans, reports, the review queue and
 * escalations, and the blocking executor that every store call runs on (never an event loop).
 */
public final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    public final Store store;
    public final Fingerprinter fingerprinter;
    public final ExecutorService blocking;
    public final ScheduledExecutorService scheduler;
    public final AuditLog audit;
    public final AccountService accounts;
    public final TokenService tokens;
    public final ModeratorHub hub;
    public final BanList bans;
    public final Escalations escalations;
    public final ReviewQueue review;
    public final MemberReports reports;
    public final ModeratorRequests moderatorRequests;
    /** Private conversations of the warm hand-off ({@code mod.reach}). */
    public final org.kindred.server.handoff.HandOff handOff;
    public final CrisisConfig crisisConfig;
    public final Normalizer normalizer = new Normalizer();
    public final CrisisSupport crisis;
    /** Ends staff sessions whose sign-in was revoked (e.g. by the admin command). */
    public final org.kindred.server.moderator.StaffRevocations revocations;

    /** Staff changes (bans, mutes) shared with the other nodes; loopback on a single node. */
    public final ClusterEvents events;
    /** Applies here the bans and mutes other nodes made. */
    public final org.kindred.server.moderator.StaffSync staffSync;

    /** Pages webhooks when nobody answers an escalation (off without {@code paging.webhooks}). */
    public final org.kindred.server.paging.Pager pager;

    public Services(KindredConfig config, JsonNode storeSection, JsonNode crisisSection, ProtocolCodec codec,
            RoomRegistry rooms, SessionRegistry sessions, LongSupplier clock) {
        this(config, storeSection, crisisSection, null, codec, rooms, sessions, clock);
    }

    /** With the {@code paging} section (null: paging off), one node alone ({@link ClusterEvents#local()}). */
    public Services(KindredConfig config, JsonNode storeSection, JsonNode crisisSection, JsonNode pagingSection,
            ProtocolCodec codec, RoomRegistry rooms, SessionRegistry sessions, LongSupplier clock) {
        this(config, storeSection, crisisSection, pagingSection, codec, rooms, sessions, clock, ClusterEvents.local());
    }

    /**
     * With the staff events shared between nodes (e.g. {@code RedisClusterEvents.connect(redisUri)});
     * closed with these services.
     */
    public Services(KindredConfig config, JsonNode storeSection, JsonNode crisisSection, JsonNode pagingSection,
            ProtocolCodec codec, RoomRegistry rooms, SessionRegistry sessions, LongSupplier clock,
            ClusterEvents events) {
        this.events = events;
        var pagingConfig = org.kindred.server.paging.PagingConfig.from(pagingSection); // fail before opening anything
        this.store = org.kindred.server.store.jdbc.Stores.open(config.database(), config.dataDir(),
                storeConfig(storeSection), System.getenv()); // PostgreSQL with --database, else SQLite
        try {
            this.fingerprinter = config.secretKeyFile() != null // one secret for every node of a cluster
                    ? new Fingerprinter(org.kindred.server.config.SecretKeyFile.read(config.secretKeyFile()))
                    : Fingerprinter.open(config.dataDir());
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot open the fingerprint secret in " + config.dataDir(), e);
        } catch (RuntimeException e) { // the shared secret file changed since the configuration was checked
            store.close();
            throw e;
        }
        this.blocking = Executors.newFixedThreadPool(2, named("kindred-store"));
        java.util.concurrent.ScheduledThreadPoolExecutor timer =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, named("kindred-timer"));
        timer.setRemoveOnCancelPolicy(true); // a cancelled check-in or timeout must not stay queued until its due time
        this.scheduler = timer;
        Clock wall = Clock.systemUTC();
        this.audit = new AuditLog(store.audit(), wall);
        this.accounts = new AccountService(store.accounts(), store.tokens(), new PasswordHasher(), audit, wall);
        this.tokens = new TokenService(accounts, store.tokens(), audit, LoginConfig.defaults(), wall);
        this.hub = new ModeratorHub(codec);
        this.bans = new BanList(store.bans(), clock, events);
        this.escalations = new Escalations(store.escalations(), audit, hub, clock);
        this.review = new ReviewQueue(store.held(), audit, hub, sessions, blocking, clock);
        this.reports = new MemberReports(store.reports(), audit, hub, escalations, blocking, clock);
        this.handOff = new org.kindred.server.handoff.HandOff(rooms, sessions, escalations, audit, blocking);
        this.moderatorRequests = new ModeratorRequests(rooms, sessions, store, audit, hub, bans, escalations, review,
                blocking, clock, handOff, new org.kindred.server.moderator.Mutes(store.mutes(), events));
        this.staffSync = new org.kindred.server.moderator.StaffSync(events, bans, store.mutes(), rooms, sessions,
                blocking, clock).start();
        hub.enrichWith(new org.kindred.server.moderator.Whereabouts(sessions, rooms)::enrich);
        hub.relayVia(events, scheduler); // moderators on every node see every node's escalations, reports, held messages
        for (Mute m : store.mutes().listActive(clock.getAsLong())) {
            var room = rooms.get(m.room());
            if (room != null) {
                room.controls().restoreMute(m.memberId(), m.until());
            }
        }
        this.crisisConfig = crisisConfig(crisisSection);
        CrisisDirectory directory = CrisisDirectory.load(config.dataDir());
        this.crisis = new CrisisSupport(RiskAssessor.withBundledRules(normalizer),
                CrisisResponder.withBundledSentences(directory), escalations, blocking);
        this.revocations = new org.kindred.server.moderator.StaffRevocations(sessions, tokens, blocking);
        revocations.start(scheduler, org.kindred.server.moderator.StaffRevocations.DEFAULT_PERIOD_MS);
        this.pager = new org.kindred.server.paging.Pager(pagingConfig, store.paging(), store.escalations(), hub,
                new org.kindred.server.paging.PageSender(pagingConfig, store.paging(), audit, scheduler, blocking, clock),
                scheduler, blocking, clock);
        escalations.onOpened(pager::opened);
        blocking.execute(pager::start);
        escalations.scheduleReannounce(scheduler, crisisConfig.reannounceInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    /** Creates the bootstrap moderator of {@code KINDRED_BOOTSTRAP_MODERATOR=name:password}, if absent. */
    void bootstrap(String spec) {
        if (spec != null && !spec.isBlank()) {
            AccountService.BootstrapResult r = accounts.bootstrap(spec);
            LOG.info("bootstrap moderator result={}", r);
        }
    }

    private void purge() {
        try {
            var r = store.purgeExpired(System.currentTimeMillis());
            LOG.info("retention purge done result={}", r);
        } catch (RuntimeException e) {
            LOG.warn("retention purge failed error={}", e.getClass().getSimpleName());
        }
    }

    /**
     * Reads and checks the {@code crisis} section.
     *
     * @throws ConfigException one line naming the bad key, its value and what was expected
     */
    static CrisisConfig crisisConfig(JsonNode section) {
        if (!section.isObject()) {
            throw new ConfigException("crisis: " + org.kindred.server.config.ConfigErrors.show(section)
                    + " (expected: a mapping of key: value)");
        }
        try {
            return YAML.treeToValue(section, CrisisConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw org.kindred.server.config.ConfigErrors.binding("crisis", section, e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static final java.util.Set<String> STORE_KEYS = java.util.Set.of("reportRetentionDays",
            "escalationRetentionDays", "heldRetentionDays", "auditRetentionDays");

    /**
     * Reads and checks the {@code store} section (retention periods in whole days).
     *
     * @throws ConfigException one line naming the bad key, its value and what was expected
     */
    static StoreConfig storeConfig(JsonNode s) {
        if (!s.isObject()) {
            throw new ConfigException("store: " + org.kindred.server.config.ConfigErrors.show(s)
                    + " (expected: a mapping of key: value)");
        }
        for (var it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!STORE_KEYS.contains(k)) {
                throw org.kindred.server.config.ConfigErrors.unknownKey("store." + k, k, STORE_KEYS);
            }
        }
        try {
            return new StoreConfig(
                    days(s, "reportRetentionDays", StoreConfig.DEFAULT_REPORT_RETENTION),
                    days(s, "escalationRetentionDays", StoreConfig.DEFAULT_ESCALATION_RETENTION),
                    days(s, "heldRetentionDays", StoreConfig.DEFAULT_HELD_RETENTION),
                    days(s, "auditRetentionDays", StoreConfig.DEFAULT_AUDIT_RETENTION));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("store: " + e.getMessage(), e);
        }
    }

    private static Duration days(JsonNode s, String key, Duration dflt) {
        JsonNode n = s.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
            throw new ConfigException("store." + key + ": " + org.kindred.server.config.ConfigErrors.show(n)
                    + " (expected: a whole number of days >= 1)");
        }
        return Duration.ofDays(n.asInt());
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        staffSync.close();
        events.close();
        scheduler.shutdownNow();
        blocking.shutdown();
        try {
            blocking.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
