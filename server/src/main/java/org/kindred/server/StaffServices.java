package org.kindred.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.handoff.HandOff;
import org.kindred.server.moderator.AccountService;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.BanList;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.moderator.LoginConfig;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.moderator.PasswordHasher;
import org.kindred.server.moderator.ReviewQueue;
import org.kindred.server.moderator.StaffRevocations;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.moderator.Whereabouts;
import org.kindred.server.moderator.Mutes;
import org.kindred.server.moderator.StaffSync;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.paging.PageSender;
import org.kindred.server.paging.Pager;
import org.kindred.server.paging.PagingConfig;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff side of the server, built once over the store: moderator accounts and sign-in, the
 * audit log, the moderators' live hub, bans, escalations (re-announced and paged when nobody
 * answers), the review queue, member reports, moderator requests, the warm hand-off's private
 * conversations and the revocation of staff sessions. Each part is handed on by itself to
 * whatever uses it; nothing receives this record whole.
 *
 * @param audit       who did what, durable
 * @param accounts    moderator and supporter accounts
 * @param tokens      sign-in tokens of staff
 * @param hub         staff connections watching rooms
 * @param bans        active bans by member and network fingerprint
 * @param escalations people who may be at risk, until a moderator resolves them
 * @param review      messages held for a moderator
 * @param reports     {@code report} requests of members
 * @param moderators  {@code mod.*} requests
 * @param handOff     private conversations of the warm hand-off ({@code mod.reach})
 * @param revocations ends staff sessions whose sign-in was revoked
 * @param pager       pages webhooks when nobody answers an escalation (off without {@code paging.webhooks})
 * @param events      staff changes and console events shared with the other nodes (loopback on one node)
 * @param staffSync   applies here the bans and mutes other nodes made
 */
public record StaffServices(AuditLog audit, AccountService accounts, TokenService tokens, ModeratorHub hub,
        BanList bans, Escalations escalations, ReviewQueue review, MemberReports reports,
        ModeratorRequests moderators, HandOff handOff, StaffRevocations revocations, Pager pager,
        ClusterEvents events, StaffSync staffSync) {
    private static final Logger LOG = LoggerFactory.getLogger(StaffServices.class);

    /**
     * Builds the staff services and starts their periodic store jobs on {@code jobs} (scheduled on
     * its timer, run on its own thread: never the timer's): staff revocation checks, escalation
     * re-announcements every {@code reannounce}, and paging polls (the first one at once).
     *
     * @param clock epoch ms, for bans, escalations and pages (audit entries use the wall clock)
     */
    public static StaffServices start(Store store, ExecutorService blocking, StoreJobs jobs,
            PagingConfig paging, Duration reannounce, ProtocolCodec codec, RoomRegistry rooms,
            SessionRegistry sessions, LongSupplier clock) {
        return start(store, blocking, jobs, paging, reannounce, codec, rooms, sessions, clock,
                ClusterEvents.local());
    }

    /**
     * As above, sharing staff state with the other nodes of a cluster through {@code events}
     * (e.g. {@code RedisClusterEvents.connect(redisUri)}; the caller closes it after the server
     * stops): bans and mutes made here are published and other nodes' applied here
     * ({@link StaffSync}), and moderators' console events are relayed both ways
     * ({@link ModeratorHub#relayVia}).
     */
    public static StaffServices start(Store store, ExecutorService blocking, StoreJobs jobs,
            PagingConfig paging, Duration reannounce, ProtocolCodec codec, RoomRegistry rooms,
            SessionRegistry sessions, LongSupplier clock, ClusterEvents events) {
        ScheduledExecutorService scheduler = jobs.timer(); // non-blocking tasks only
        Clock wall = Clock.systemUTC();
        AuditLog audit = new AuditLog(store.audit(), wall);
        AccountService accounts = new AccountService(store.accounts(), store.tokens(), new PasswordHasher(), audit,
                wall);
        TokenService tokens = new TokenService(accounts, store.tokens(), audit, LoginConfig.defaults(), wall);
        ModeratorHub hub = new ModeratorHub(codec);
        BanList bans = new BanList(store.bans(), clock, events);
        Escalations escalations = new Escalations(store.escalations(), audit, hub, clock);
        ReviewQueue review = new ReviewQueue(store.held(), audit, hub, sessions, blocking, clock);
        review.tellVia(events, store.audit()); // the writer hears the decision on whichever node it is
        MemberReports reports = new MemberReports(store.reports(), audit, hub, escalations, blocking, clock);
        HandOff handOff = new HandOff(rooms, sessions, escalations, audit, blocking);
        ModeratorRequests moderators = new ModeratorRequests(rooms, sessions, store, audit, hub, bans, escalations,
                review, blocking, clock, handOff, new Mutes(store.mutes(), events));
        StaffSync staffSync = new StaffSync(events, bans, store.mutes(), rooms, sessions, blocking, clock,
                store.audit()).start();
        Whereabouts whereabouts = new Whereabouts(sessions, rooms);
        hub.enrichWith(whereabouts::enrich);
        hub.enrichLiveWith(whereabouts::enrichLater); // live events find members on other nodes without waiting
        hub.enrichQueueWith(whereabouts::enrichAll); // the queue reply is put together on the blocking pool
        hub.relayVia(events, scheduler); // moderators on every node see every node's escalations, reports, held messages
        StaffRevocations revocations = new StaffRevocations(sessions, tokens, blocking);
        revocations.start(jobs, StaffRevocations.DEFAULT_PERIOD_MS);
        Pager pager = new Pager(paging, store.paging(), store.escalations(), hub, // polls on the jobs' thread
                new PageSender(paging, store.paging(), audit, scheduler, blocking, clock), scheduler, jobs.work(), clock);
        escalations.onOpened(pager::opened);
        jobs.work().execute(pager::start);
        escalations.scheduleReannounce(jobs, reannounce.toMillis());
        return new StaffServices(audit, accounts, tokens, hub, bans, escalations, review, reports, moderators,
                handOff, revocations, pager, events, staffSync);
    }

    /** Creates the bootstrap moderator of {@code KINDRED_BOOTSTRAP_MODERATOR=name:password}, if absent. */
    void bootstrap(String spec) {
        if (spec != null && !spec.isBlank()) {
            AccountService.BootstrapResult r = accounts.bootstrap(spec);
            LOG.info("bootstrap moderator result={}", r);
        }
    }
}
