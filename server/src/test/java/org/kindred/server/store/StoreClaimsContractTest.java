package org.kindred.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ReportReason;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;

/**
 * The {@link Store} contract where several nodes share one store: claims for shared timers
 * (re-announcing escalations, paging), concurrent adds and upserts that neither fail nor
 * duplicate, and the text every store keeps alike. Several nodes are modelled as several store
 * instances open on the same data at once.
 */
public abstract class StoreClaimsContractTest {
    protected static final long T0 = 1_700_000_000_000L;
    protected static final long INTERVAL = 120_000;
    protected static final StoreConfig CONFIG = new StoreConfig(Duration.ofDays(30),
            Duration.ofDays(20), Duration.ofDays(10), Duration.ofDays(365));

    protected Store store;
    private final List<Store> others = new ArrayList<>();

    /** A store on fresh, empty data. Called once per test. */
    protected abstract Store openFresh(StoreConfig config);

    /** Another store instance on the same data as the last {@link #openFresh}, open at the same time. */
    protected abstract Store reopen(StoreConfig config);

    @BeforeEach
    void setUp() {
        store = openFresh(CONFIG);
    }

    @AfterEach
    void tearDown() {
        others.forEach(Store::close);
        if (store != null) { // null when opening was skipped
            store.close();
        }
    }

    private Store node() {
        Store s = reopen(CONFIG);
        others.add(s);
        return s;
    }

    private Escalation open(RiskLevel level, long at) {
        return store.escalations().add(new NewEscalation("lobby", "m1", level, EscalationSource.KEYWORD, null, at));
    }

    private static List<String> ids(List<Escalation> es) {
        return es.stream().map(Escalation::id).toList();
    }

    @Test
    void anOpenEscalationIsReannouncedOncePerIntervalUntilClaimed() {
        EscalationStore e = store.escalations();
        Escalation a = open(RiskLevel.IMMINENT, T0);
        Escalation b = open(RiskLevel.IMMINENT, T0 + 10);
        open(RiskLevel.HIGH, T0);
        assertEquals(List.of(), e.claimReannouncements(RiskLevel.IMMINENT, T0 + INTERVAL - 1, INTERVAL, 10),
                "not due before one interval");
        assertEquals(List.of(a.id()), ids(e.claimReannouncements(RiskLevel.IMMINENT, T0 + INTERVAL, INTERVAL, 10)));
        assertEquals(List.of(), e.claimReannouncements(RiskLevel.IMMINENT, T0 + INTERVAL, INTERVAL, 10),
                "claimed once per due time");
        assertEquals(List.of(b.id()),
                ids(e.claimReannouncements(RiskLevel.IMMINENT, T0 + INTERVAL + 10, INTERVAL, 10)));
        assertEquals(List.of(), e.claimReannouncements(RiskLevel.IMMINENT, T0 + 2 * INTERVAL - 1, INTERVAL, 10));
        Escalation again = e.claimReannouncements(RiskLevel.IMMINENT, T0 + 2 * INTERVAL, INTERVAL, 10).get(0);
        assertEquals(a, again, "the escalation as stored");
        assertTrue(e.claim(b.id(), "zoe", T0 + 2 * INTERVAL));
        assertTrue(e.resolve(a.id(), "zoe", ResolveOutcome.RESOLVED, null, T0 + 2 * INTERVAL));
        assertEquals(List.of(), e.claimReannouncements(RiskLevel.IMMINENT, T0 + 9 * INTERVAL, INTERVAL, 10),
                "claimed or resolved: no longer announced");
    }

    @Test
    void reannouncementsAreClaimedOldestFirstUpToTheLimit() {
        Escalation late = open(RiskLevel.IMMINENT, T0 + 2);
        Escalation early = open(RiskLevel.IMMINENT, T0 + 1);
        EscalationStore e = store.escalations();
        assertEquals(List.of(early.id()), ids(e.claimReannouncements(RiskLevel.IMMINENT, T0 + INTERVAL + 5, INTERVAL, 1)));
        assertEquals(List.of(late.id()), ids(e.claimReannouncements(RiskLevel.IMMINENT, T0 + INTERVAL + 5, INTERVAL, 1)));
        assertThrows(IllegalArgumentException.class, () -> e.claimReannouncements(RiskLevel.IMMINENT, T0, 0, 1));
    }

    @Test
    void ofSeveralNodesClaimingReannouncementsEachDueOneGoesToExactlyOne() throws Exception {
        int escalations = 30;
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < escalations; i++) {
            opened.add(open(RiskLevel.IMMINENT, T0 + i).id());
        }
        List<String> claimed = race(s -> ids(s.escalations().claimReannouncements(RiskLevel.IMMINENT,
                T0 + INTERVAL + escalations, INTERVAL, 4)));
        assertEquals(opened.stream().sorted().toList(), claimed.stream().sorted().toList(),
                "every due escalation claimed, none twice");
    }

    @Test
    void aDuePageIsClaimedOnceAndFallsDueAgainWhenItsLeaseEnds() {
        PagingStore p = store.paging();
        p.add(PageDelivery.pending("esc_1", "unclaimed", "t1", RiskLevel.IMMINENT, "r", T0));
        p.add(PageDelivery.pending("esc_2", "unclaimed", "t1", RiskLevel.IMMINENT, "r", T0 + 5));
        assertTrue(p.attempting("esc_2", "unclaimed", "t1", 1, T0 + 1_000));
        List<PageDelivery> first = p.claimDue(T0 + 10, T0 + 60_000, 10);
        assertEquals(List.of("esc_1"), first.stream().map(PageDelivery::escalationId).toList(), "esc_2 is not due yet");
        assertEquals(T0 + 60_000, first.get(0).nextAttemptAt());
        assertEquals(List.of(), p.claimDue(T0 + 10, T0 + 60_000, 10), "claimed once");
        assertEquals(List.of("esc_2"), p.claimDue(T0 + 1_000, T0 + 60_000, 10).stream()
                .map(PageDelivery::escalationId).toList());
        assertTrue(p.finish("esc_2", "unclaimed", "t1", PageDelivery.Status.DELIVERED));
        assertEquals(List.of("esc_1"), p.claimDue(T0 + 60_000, T0 + 120_000, 10).stream()
                .map(PageDelivery::escalationId).toList(), "the claimer died: due again when the lease ends");
        assertEquals(T0 + 120_000, p.pending().get(0).nextAttemptAt());
        assertThrows(IllegalArgumentException.class, () -> p.claimDue(T0, T0, 1));
    }

    @Test
    void ofSeveralNodesClaimingPagesEachDueOneGoesToExactlyOne() throws Exception {
        int pages = 30;
        List<String> added = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            store.paging().add(PageDelivery.pending("esc_" + i, "unclaimed", "t", RiskLevel.IMMINENT, null, T0 + i));
            added.add("esc_" + i);
        }
        List<String> claimed = race(s -> s.paging().claimDue(T0 + pages, T0 + 60_000, 3).stream()
                .map(PageDelivery::escalationId).toList());
        assertEquals(added.stream().sorted().toList(), claimed.stream().sorted().toList(),
                "every due page claimed, none twice");
    }

    @Test
    void ofSeveralNodesStartingTheSameAttemptOfAPageExactlyOneDoes() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.paging().add(PageDelivery.pending("esc_" + i, "unclaimed", "t", RiskLevel.IMMINENT, null, T0));
        }
        List<String> started = race(s -> {
            List<String> mine = new ArrayList<>();
            for (PageDelivery p : s.paging().pending()) {
                if (p.attempts() < 2 && s.paging().attempting(p.escalationId(), p.reason(), p.target(),
                        p.attempts() + 1, T0 + 1_000)) {
                    mine.add(p.escalationId() + "#" + (p.attempts() + 1));
                }
            }
            return mine;
        });
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("esc_" + i + "#1");
            expected.add("esc_" + i + "#2");
        }
        assertEquals(expected.stream().sorted().toList(), started.stream().sorted().toList(),
                "each attempt started by one node only");
        assertEquals(List.of(2), store.paging().pending().stream().map(PageDelivery::attempts).distinct().toList());
    }

    /**
     * Three nodes, two threads each, claim with {@code claim} until nobody gets anything;
     * returns everything claimed, in no order.
     */
    private List<String> race(Function<Store, List<String>> claim) throws Exception {
        List<Store> nodes = List.of(store, node(), node());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Store s = nodes.get(i % nodes.size());
                work.add(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int empty = 0; empty < 3; ) {
                        List<String> got = claim.apply(s);
                        mine.addAll(got);
                        empty = got.isEmpty() ? empty + 1 : 0;
                    }
                    return mine;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : pool.invokeAll(work)) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofSeveralNodesAddingOneAccountOrMutingOneMemberAtOnceNoneFails() throws Exception {
        List<Store> nodes = List.of(store, node(), node());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "mod" + round;
                List<Callable<Boolean>> adds = new ArrayList<>();
                List<Callable<Boolean>> mutes = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Store s = nodes.get(i % nodes.size());
                    long until = T0 + 1_000 + i;
                    adds.add(() -> s.accounts().insertIfAbsent(new ModeratorAccount(name,
                            org.kindred.protocol.Role.MODERATOR, "h", false, T0)));
                    mutes.add(() -> {
                        s.mutes().put(new Mute("lobby", "m" + name, until, "zoe", null, T0));
                        return true;
                    });
                }
                long winners = 0;
                for (Future<Boolean> f : pool.invokeAll(adds)) {
                    winners += f.get() ? 1 : 0; // a loser gets false, never an exception
                }
                assertEquals(1, winners, "one account added");
                for (Future<Boolean> f : pool.invokeAll(mutes)) {
                    assertTrue(f.get());
                }
                assertEquals(1, store.mutes().listActive(T0).stream()
                        .filter(m -> m.memberId().equals("m" + name)).count(), "one mute per member and room");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNulCharacterInTextIsStoredAsTheReplacementCharacter() {
        Report r = store.reports().add(new NewReport("lobby", "msg", "m2", "m1", ReportReason.OTHER,
                "note\u0000end", "ex\u0000cerpt", T0));
        Report stored = store.reports().find(r.id()).orElseThrow();
        assertEquals("note\uFFFDend", stored.note());
        assertEquals("ex\uFFFDcerpt", stored.excerpt());
    }
}
