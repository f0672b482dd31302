package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.common.Timer;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.moderator.Fingerprinter;
import org.kindred.server.paging.PagingConfig;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreException;

/**
 * The server's periodic store jobs as wired in production (the retention purge, staff names,
 * escalation re-announcements, staff revocation checks, paging) over a store whose every call
 * blocks until the test releases it, as a connection attempt to a stopped PostgreSQL blocks for
 * the pool's timeout: the shared timer thread ({@code kindred-timer-1}) still runs its other
 * tasks (presence refreshes, sweeps, check-ins, hand-off checks are scheduled there) while the
 * store's call is still blocked. Before the jobs had their own thread, the re-announcement and
 * the staff names ran on the timer itself and held it for the whole call.
 */
class TimerDuringStoreOutageTest {
    private static final com.fasterxml.jackson.databind.JsonNode EMPTY =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    /** A store of which every call answers nothing, or while {@link #hang} is set blocks until {@link #release}. */
    static final class HangingStore implements InvocationHandler {
        final CountDownLatch release = new CountDownLatch(1);
        /** A re-announcement asked the store while it hung. */
        final CountDownLatch entered = new CountDownLatch(1);
        final Map<String, AtomicInteger> blocked = new ConcurrentHashMap<>();
        final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();
        volatile boolean hang;

        Store store() {
            return (Store) proxy(Store.class);
        }

        private Object proxy(Class<?> type) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, this);
        }

        int blocked(String call) {
            AtomicInteger n = blocked.get(call);
            return n == null ? 0 : n.get();
        }

        @Override
        public Object invoke(Object self, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> "HangingStore";
                };
            }
            Class<?> r = m.getReturnType();
            if (r.isInterface() && r.getPackageName().equals(Store.class.getPackageName())) {
                return parts.computeIfAbsent(r, this::proxy); // accounts(), escalations() …
            }
            if (hang && !m.getName().equals("close")) {
                blocked.computeIfAbsent(m.getDeclaringClass().getSimpleName() + "." + m.getName(),
                        k -> new AtomicInteger()).incrementAndGet();
                if (m.getName().equals("claimReannouncements")) {
                    entered.countDown();
                }
                release.await();
                throw new StoreException("the database is unreachable");
            }
            return nothing(r);
        }

        private static Object nothing(Class<?> r) {
            if (r == boolean.class) {
                return false;
            }
            if (r == int.class) {
                return 0;
            }
            if (r == long.class) {
                return 0L;
            }
            if (r == Optional.class) {
                return Optional.empty();
            }
            if (r == List.class || r == java.util.Collection.class) {
                return List.of();
            }
            if (r == Map.class) {
                return Map.of();
            }
            if (r == Set.class) {
                return Set.of();
            }
            return null;
        }
    }

    @Test
    void aStoreThatHangsHoldsNoneOfTheTimersOtherTasks() throws Exception {
        HangingStore hanging = new HangingStore();
        StoreServices durable = StoreServices.over(hanging.store(), new Fingerprinter(new byte[32]));
        try {
            var config = ConfigLoader.defaults();
            ProtocolCodec codec = ProtocolCodec.shared();
            RoomRegistry rooms = new RoomRegistry(config.rooms(), rc -> new Room(rc, Runnable::run, codec,
                    new Metrics(), new NickRules(n -> true), 50, 3_600_000, System::currentTimeMillis));
            SessionRegistry sessions = new SessionRegistry(Duration.ofMinutes(2), 50, s -> { });
            StaffServices staff = StaffServices.start(durable.store(), durable.blocking(), durable.jobs(),
                    PagingConfig.from(EMPTY), Duration.ofMillis(20), codec, rooms, sessions,
                    System::currentTimeMillis);
            StaffNameReservation.start(staff, new NickRules(n -> true), durable.jobs());

            hanging.hang = true; // PostgreSQL stops: every call waits
            assertTrue(hanging.entered.await(10, TimeUnit.SECONDS), "the re-announcement (every 20 ms here) asked the store");

            CountDownLatch ran = new CountDownLatch(1);
            Timer.of(durable.scheduler()).schedule(100, ran::countDown); // as check-ins, sweeps, refreshes are
            assertTrue(ran.await(10, TimeUnit.SECONDS), "the timer ran its other task");
            assertEquals(1, hanging.release.getCount(), "while the store's call was still blocked");
            assertEquals(1, hanging.blocked("EscalationStore.claimReannouncements"),
                    "the re-announcement still running was not started again: " + hanging.blocked);
            assertFalse(durable.jobs().knownDown(), "a store that is slow is not known down");

            hanging.release.countDown(); // now it fails: the jobs know it is down
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!durable.jobs().knownDown()) {
                assertTrue(System.nanoTime() < deadline, "the failed re-announcement marked the store down");
                Thread.sleep(10);
            }
            hanging.hang = false; // back
            while (durable.jobs().knownDown()) {
                assertTrue(System.nanoTime() < deadline, "the next run that completed marked it up");
                Thread.sleep(10);
            }
        } finally {
            hanging.release.countDown();
            durable.close();
        }
    }
}
