package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kindred.server.store.Ban;
import org.kindred.server.store.BanStore;
import org.kindred.server.store.NewBan;

/**
 * A reload that read the store before a ban, a lift or a network fingerprint was written must not
 * replace the list after it. Each test holds one reload inside its store read (the old rows in
 * hand) while another call runs, then lets the reload finish: without the list's ordering, the
 * other call ends first and the stale read overwrites it (a ban made here dropped, a lifted ban
 * back, a ban without the fingerprint another node added: the failure {@code StaffSyncAcrossNodesTest}
 * showed once under load). With it, the other call waits for the reload; the test sees which of
 * the two happened (the other call reached the store, or it waits for a lock the reload holds),
 * so it needs no timing.
 */
class BanListConcurrencyTest {
    private static final long NOW = 1_700_000_000_000L;

    /** The durable truth; {@link #arm} holds the next {@code listActive} after reading. */
    private static final class GatedStore implements BanStore {
        final Map<String, Ban> rows = new ConcurrentHashMap<>();
        final CountDownLatch firstReadInHand = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile boolean armed;
        volatile boolean gateTaken;
        /** True once a call other than the held reload reached the store while it was held. */
        volatile boolean otherCallReachedStore;

        void arm() {
            armed = true;
        }

        private void touched() {
            if (gateTaken && releaseFirst.getCount() > 0) {
                otherCallReachedStore = true;
            }
        }

        @Override
        public List<Ban> listActive(long now) {
            touched();
            List<Ban> snapshot = new ArrayList<>();
            for (Ban b : rows.values()) {
                if (b.isActiveAt(now)) {
                    snapshot.add(b);
                }
            }
            if (armed && !gateTaken) {
                gateTaken = true;
                firstReadInHand.countDown();
                try {
                    assertTrue(releaseFirst.await(10, TimeUnit.SECONDS), "released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return snapshot;
        }

        @Override
        public Ban add(NewBan n) {
            touched();
            Ban b = new Ban("ban_" + rows.size(), n.memberId(), n.fingerprint(), n.reason(), n.bannedBy(), n.createdAt(),
                    n.expiresAt(), null, null);
            rows.put(b.id(), b);
            return b;
        }

        @Override
        public boolean addFingerprint(String id, String fingerprint) {
            touched();
            Ban b = rows.get(id);
            if (b == null || b.fingerprint() != null) {
                return false;
            }
            rows.put(id, withFingerprint(b, fingerprint));
            return true;
        }

        @Override
        public boolean lift(String id, String liftedBy, long at) {
            touched();
            Ban b = rows.get(id);
            if (b == null || !b.isActiveAt(at)) {
                return false;
            }
            rows.put(id, new Ban(b.id(), b.memberId(), b.fingerprint(), b.reason(), b.bannedBy(), b.createdAt(),
                    b.expiresAt(), at, liftedBy));
            return true;
        }

        @Override
        public Optional<Ban> find(String id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<Ban> activeFor(String memberId, String fingerprint, long now) {
            throw new UnsupportedOperationException("BanList checks its own copy");
        }
    }

    private static Ban withFingerprint(Ban b, String fingerprint) {
        return new Ban(b.id(), b.memberId(), fingerprint, b.reason(), b.bannedBy(), b.createdAt(), b.expiresAt(),
                b.liftedAt(), b.liftedBy());
    }

    private final GatedStore store = new GatedStore();

    private Ban stored(String memberId, String fingerprint) {
        return store.add(new NewBan(memberId, fingerprint, "threats", "alex", NOW - 1_000, null));
    }

    /**
     * Runs {@code list.reload()} on one thread, holds it once it has read the store, runs
     * {@code other} on a second thread, and lets the reload go once {@code other} either reached the
     * store and ended (the two overlapped) or waits for a lock the reload holds (they are ordered).
     */
    private void reloadOverlapping(BanList list, Runnable other) throws InterruptedException {
        store.arm();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread reload = thread("stale-reload", list::reload, failed);
        reload.start();
        assertTrue(store.firstReadInHand.await(10, TimeUnit.SECONDS), "the reload read the store");
        Thread second = thread("other-call", other, failed);
        second.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!store.otherCallReachedStore && !waitsOn(second, reload)) {
            if (System.nanoTime() > deadline) {
                fail("the second call neither reached the store nor waited for the reload");
            }
            Thread.onSpinWait();
        }
        if (store.otherCallReachedStore) {
            second.join(10_000); // unordered: it ends before the held reload goes on
        }
        store.releaseFirst.countDown();
        reload.join(10_000);
        second.join(10_000);
        assertTrue(!reload.isAlive() && !second.isAlive(), "both ended");
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
    }

    private static Thread thread(String name, Runnable r, AtomicReference<Throwable> failed) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** True when {@code waiter} is blocked on a monitor or lock that {@code owner} holds. */
    private static boolean waitsOn(Thread waiter, Thread owner) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(waiter.getId());
        return info != null && info.getLockOwnerId() == owner.getId();
    }

    @Test
    void aFingerprintReadByALaterReloadIsNotReplacedByTheEarlierRead() throws Exception {
        Ban ban = stored("u_far", null);
        BanList list = new BanList(store, () -> NOW);
        reloadOverlapping(list, () -> {
            store.rows.put(ban.id(), withFingerprint(ban, "fp_far")); // another node added it, then said so
            list.reload();
        });
        assertEquals("fp_far", list.inForce(ban.id()).orElseThrow().fingerprint());
        assertTrue(list.activeFor(null, "fp_far").isPresent(), "the network ban holds");
    }

    @Test
    void aFingerprintAddedHereIsNotReplacedByAReloadThatReadBeforeIt() throws Exception {
        Ban ban = stored("u_far", null);
        BanList list = new BanList(store, () -> NOW);
        reloadOverlapping(list, () -> list.addFingerprint(ban.id(), "fp_far"));
        assertTrue(list.activeFor(null, "fp_far").isPresent(), "the network ban holds");
    }

    @Test
    void aBanMadeHereIsNotDroppedByAReloadThatReadBeforeIt() throws Exception {
        BanList list = new BanList(store, () -> NOW);
        AtomicReference<Ban> made = new AtomicReference<>();
        reloadOverlapping(list, () -> made.set(list.add(new NewBan("u_1", "fp_1", "spam", "alex", NOW, null))));
        assertTrue(list.activeFor("u_1", null).isPresent(), "the new ban holds");
        assertTrue(list.inForce(made.get().id()).isPresent());
    }

    @Test
    void aBanLiftedHereIsNotBroughtBackByAReloadThatReadBeforeIt() throws Exception {
        Ban ban = stored("u_1", "fp_1");
        BanList list = new BanList(store, () -> NOW);
        assertTrue(list.activeFor("u_1", null).isPresent());
        reloadOverlapping(list, () -> assertTrue(list.lift(ban.id(), "sam")));
        assertTrue(list.activeFor("u_1", "fp_1").isEmpty(), "the lift holds");
    }
}
