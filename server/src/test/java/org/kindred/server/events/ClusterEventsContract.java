package org.kindred.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ClusterEvents} promises: fan-out to every node's listeners, the publisher's
 * own included; each event once, in publish order per publisher; delivery off the publisher's
 * thread, so a slow listener never blocks a publish; one failing listener does not stop the
 * others; a removed listener hears nothing more; a node publishes only as itself.
 */
public abstract class ClusterEventsContract {
    private final List<ClusterEvents> opened = new ArrayList<>();

    /** A new node's events, connected (or connecting) to the same cluster as the others of this test. */
    protected abstract ClusterEvents newNode();

    /** How many nodes {@link #newNode} can make that hear one another (1 for a single-node implementation). */
    protected abstract int maxNodes();

    /** Waits until a node made by {@link #newNode} hears events (e.g. its subscription is in place). */
    protected void awaitUp(ClusterEvents e) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!e.isUp() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertTrue(e.isUp(), "connected");
    }

    protected final ClusterEvents node() throws InterruptedException {
        ClusterEvents e = newNode();
        opened.add(e);
        awaitUp(e);
        return e;
    }

    @AfterEach
    void closeNodes() {
        opened.forEach(ClusterEvents::close);
    }

    /** Records what one listener hears. */
    protected static final class Heard implements ClusterEvents.Listener {
        final List<StaffChange> changes = new ArrayList<>();
        int resyncs;

        @Override
        public synchronized void changed(StaffChange change) {
            changes.add(change);
            notifyAll();
        }

        @Override
        public synchronized void resync() {
            resyncs++;
            notifyAll();
        }

        synchronized List<StaffChange> await(int n) throws InterruptedException {
            long end = System.currentTimeMillis() + 10_000;
            while (changes.size() < n && System.currentTimeMillis() < end) {
                wait(50);
            }
            return List.copyOf(changes);
        }

        synchronized int awaitResyncs(int n) throws InterruptedException {
            long end = System.currentTimeMillis() + 10_000;
            while (resyncs < n && System.currentTimeMillis() < end) {
                wait(50);
            }
            return resyncs;
        }

        synchronized List<StaffChange> now() {
            return List.copyOf(changes);
        }
    }

    @Test
    void anEventReachesEveryNodeThePublisherIncludedOnceInPublishOrder() throws Exception {
        int n = Math.min(3, maxNodes());
        List<ClusterEvents> nodes = new ArrayList<>();
        List<Heard> heard = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClusterEvents e = node();
            Heard h = new Heard();
            e.subscribe(h);
            nodes.add(e);
            heard.add(h);
        }
        ClusterEvents a = nodes.get(0);
        List<StaffChange> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StaffChange c = switch (i % 5) {
                case 0 -> StaffChange.ban("ban_" + i, "u_" + i, a.nodeId());
                case 1 -> StaffChange.unban("ban_" + i, a.nodeId());
                case 2 -> StaffChange.mute("room" + i, "u_" + i, a.nodeId());
                case 3 -> StaffChange.unmute("room" + i, "u_" + i, a.nodeId());
                default -> StaffChange.resumed("u_" + i, a.nodeId());
            };
            sent.add(c);
            a.publish(c);
        }
        for (Heard h : heard) {
            assertEquals(sent, h.await(200), "every event, once, in order, fields intact");
        }
        Thread.sleep(100);
        for (Heard h : heard) {
            assertEquals(200, h.now().size(), "nothing twice");
        }
    }

    @Test
    void consoleEventsReachEveryNodeIntactAndInOrderWithStaffChanges() throws Exception {
        int n = Math.min(2, maxNodes());
        List<ClusterEvents> nodes = new ArrayList<>();
        List<List<String>> heard = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClusterEvents e = node();
            List<String> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            e.subscribe(new ClusterEvents.Listener() {
                @Override
                public void changed(StaffChange c) {
                    mine.add("change " + c.banId());
                }

                @Override
                public void console(ConsoleEvent c) {
                    mine.add("console " + c.room() + " " + c.json());
                }
            });
            nodes.add(e);
            heard.add(mine);
        }
        ClusterEvents a = nodes.get(0);
        String json = "{\"type\":\"mod.held\",\"text\":\"caf\u00e9 \\\"quoted\\\" \u2603\"}";
        a.publishConsole(new ConsoleEvent("support", json, a.nodeId()));
        a.publish(StaffChange.unban("ban_1", a.nodeId()));
        a.publishConsole(new ConsoleEvent(null, "{}", a.nodeId()));
        List<String> expected = List.of("console support " + json, "change ban_1", "console null {}");
        for (List<String> h : heard) {
            long end = System.currentTimeMillis() + 10_000;
            while (h.size() < 3 && System.currentTimeMillis() < end) {
                Thread.sleep(5);
            }
            assertEquals(expected, List.copyOf(h));
        }
        assertThrows(IllegalArgumentException.class, () -> a.publishConsole(new ConsoleEvent("r", "{}", "node_other")));
    }

    @Test
    void eachPublishersEventsKeepTheirOrderWhenSeveralPublishAtOnce() throws Exception {
        int n = Math.min(3, maxNodes());
        List<ClusterEvents> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(node());
        }
        Heard h = new Heard();
        nodes.get(n - 1).subscribe(h);
        List<Thread> threads = new ArrayList<>();
        for (ClusterEvents e : nodes) {
            Thread t0 = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    e.publish(StaffChange.ban("ban_" + i, null, e.nodeId()));
                }
            });
            t0.start();
            threads.add(t0);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<StaffChange> got = h.await(100 * n);
        assertEquals(100 * n, got.size());
        for (ClusterEvents e : nodes) {
            List<String> mine = got.stream().filter(c -> c.origin().equals(e.nodeId())).map(StaffChange::banId).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add("ban_" + i);
            }
            assertEquals(expected, mine, "one publisher's order kept");
        }
    }

    @Test
    void aSlowListenerNeverBlocksAPublishAndAFailingOneDoesNotStopTheOthers() throws Exception {
        ClusterEvents a = node();
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();
        a.subscribe(new ClusterEvents.Listener() {
            @Override
            public void changed(StaffChange change) {
                synchronized (threads) {
                    threads.add(Thread.currentThread().getName());
                }
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        a.subscribe(c -> {
            throw new IllegalStateException("a broken listener");
        });
        Heard h = new Heard();
        a.subscribe(h);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            a.publish(StaffChange.unban("ban_" + i, a.nodeId()));
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 5_000, "publishing did not wait for the stuck listener: " + tookMs + " ms");
        assertTrue(h.now().isEmpty(), "held up behind the slow listener, one event at a time");
        release.countDown();
        assertEquals(10, h.await(10).size(), "the listener after the failing one still hears everything");
        synchronized (threads) {
            assertTrue(threads.stream().noneMatch(t -> t.equals(Thread.currentThread().getName())),
                    "not run on the publisher's thread: " + threads);
        }
    }

    @Test
    void aRemovedListenerHearsNothingMore() throws Exception {
        ClusterEvents a = node();
        Heard gone = new Heard();
        Heard stays = new Heard();
        ClusterEvents.Subscription s = a.subscribe(gone);
        a.subscribe(stays);
        a.publish(StaffChange.unban("ban_1", a.nodeId()));
        assertEquals(1, gone.await(1).size());
        s.close();
        a.publish(StaffChange.unban("ban_2", a.nodeId()));
        assertEquals(2, stays.await(2).size());
        Thread.sleep(50);
        assertEquals(1, gone.now().size());
    }

    @Test
    void aNodePublishesOnlyAsItself() throws Exception {
        ClusterEvents a = node();
        ClusterEvents b = maxNodes() > 1 ? node() : newNode();
        if (maxNodes() == 1) {
            opened.add(b);
        }
        assertNotEquals(a.nodeId(), b.nodeId(), "every node has its own id");
        assertThrows(IllegalArgumentException.class, () -> a.publish(StaffChange.unban("ban_1", b.nodeId())));
        assertThrows(IllegalArgumentException.class, () -> StaffChange.mute(null, "u_1", a.nodeId()));
        assertThrows(IllegalArgumentException.class, () -> StaffChange.unban(null, a.nodeId()));
    }
}
