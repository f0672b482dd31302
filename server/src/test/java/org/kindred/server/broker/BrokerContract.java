package org.kindred.server.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.i18n.ServerText;

/**
 * What every {@link Broker} guarantees (see its javadoc). Deliveries are awaited, so an
 * implementation that delivers on another thread, later, passes as well as one that delivers
 * at once.
 */
public abstract class BrokerContract {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private static final long WAIT_MS = 5000;

    /** A new broker whose published messages are kept in {@link #history()}. */
    protected abstract Broker broker();

    /** The history of the broker {@link #broker()} returned last. */
    protected abstract History history();

    /** A new broker whose storage fails on every publication. */
    protected abstract Broker brokerWhoseStoreFails();

    /** One delivery as a subscriber saw it. */
    protected record Delivery(String room, ServerMessage event, String except) {
    }

    /** Records deliveries in the order they arrive. */
    protected static final class Recorder implements Broker.Subscriber {
        final BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();

        @Override
        public void deliver(String room, ServerMessage event, String exceptMember) {
            got.add(new Delivery(room, event, exceptMember));
        }

        List<Delivery> await(int n) throws InterruptedException {
            List<Delivery> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (out.size() < n) {
                Delivery d = got.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (d == null) {
                    throw new AssertionError("got " + out.size() + " of " + n + " deliveries: " + out);
                }
                out.add(d);
            }
            return out;
        }

        /** Nothing more arrives within a short while. */
        void assertQuiet() throws InterruptedException {
            Delivery d = got.poll(200, TimeUnit.MILLISECONDS);
            assertNull(d, "no further delivery");
        }
    }

    private static ServerMessage.Message publish(Broker b, String room, int n) {
        return b.publish(room, ANN, "m_" + room + n, "text " + n, 1000 + n, m -> { }).toCompletableFuture().join();
    }

    @Test
    void numbersEachRoomsMessagesOneTwoThree() {
        Broker b = broker();
        assertEquals(1, publish(b, "calm", 1).seq());
        assertEquals(2, publish(b, "calm", 2).seq());
        assertEquals(1, publish(b, "grief", 1).seq(), "rooms are numbered independently");
        assertEquals(3, publish(b, "calm", 3).seq());
    }

    @Test
    void aPublishedMessageIsKeptAndAcceptedBeforeAnySubscriberGetsIt() throws Exception {
        Broker b = broker();
        History h = history();
        List<String> order = new CopyOnWriteArrayList<>();
        b.subscribe("calm", (room, event, except) -> {
            order.add("delivered, kept=" + h.find(room, ((ServerMessage.Message) event).msg(), 2000).isPresent());
        });
        ServerMessage.Message m = b.publish("calm", ANN, "m_1", "hello", 1500, x -> order.add("accepted " + x.seq()))
                .toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals("hello", m.text());
        assertEquals(ANN, m.from());
        assertEquals("m_1", m.msg());
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (order.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of("accepted 1", "delivered, kept=true"), order);
        assertEquals(List.of("m_1"), h.recent("calm", 2000).stream().map(ServerMessage.Message::msg).toList());
    }

    @Test
    void subscribersGetTheRoomsEventsInOrderOnceEach() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        publish(b, "calm", 1);
        ServerMessage.Typing typing = new ServerMessage.Typing("calm", ANN);
        b.broadcast("calm", typing, "u_1");
        publish(b, "calm", 2);
        publish(b, "grief", 1); // another room: not this subscriber's
        List<Delivery> got = r.await(3);
        assertEquals(1, ((ServerMessage.Message) got.get(0).event()).seq());
        assertEquals(new Delivery("calm", typing, "u_1"), got.get(1), "the excepted member travels with the event");
        assertEquals(2, ((ServerMessage.Message) got.get(2).event()).seq());
        assertNull(got.get(0).except());
        r.assertQuiet();
    }

    @Test
    void broadcastEventsAreNeitherNumberedNorKept() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        b.broadcast("calm", new ServerMessage.Deleted("calm", "m_x"), null);
        r.await(1);
        assertEquals(1, publish(b, "calm", 1).seq());
        assertEquals(1, history().recent("calm", 2000).size());
    }

    @Test
    void unsubscribedRoomsAreNotDeliveredHere() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        publish(b, "calm", 1);
        r.await(1);
        b.unsubscribe("calm");
        assertEquals(2, publish(b, "calm", 2).seq(), "numbering goes on");
        r.assertQuiet();
    }

    @Test
    void concurrentPublishersGetEveryNumberOnceAndTheSubscriberSeesThemInOrder() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        int threads = 4;
        int each = 200;
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    publish(b, "calm", base + i);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        List<Delivery> got = r.await(threads * each);
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i + 1, ((ServerMessage.Message) got.get(i).event()).seq(), "delivered in seq order, no gap");
        }
        r.assertQuiet();
    }

    @Test
    void publicationsStartedFromOneThreadWithoutWaitingAreNumberedInThatOrder() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        List<CompletableFuture<ServerMessage.Message>> stages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            stages.add(b.publish("calm", ANN, "m_" + i, "text " + i, 1000 + i, m -> { }).toCompletableFuture());
        }
        for (int i = 0; i < stages.size(); i++) {
            ServerMessage.Message m = stages.get(i).get(WAIT_MS, TimeUnit.MILLISECONDS);
            assertEquals("m_" + i, m.msg());
            assertEquals(i + 1, m.seq(), "started " + i + "th, numbered " + m.seq());
        }
        List<Delivery> got = r.await(100);
        for (int i = 0; i < got.size(); i++) {
            assertEquals("m_" + i, ((ServerMessage.Message) got.get(i).event()).msg());
        }
    }

    @Test
    void aFailedPublishDeliversNothingAndUsesNoNumber() throws Exception {
        Broker b = brokerWhoseStoreFails();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        List<String> accepted = new CopyOnWriteArrayList<>();
        CompletableFuture<ServerMessage.Message> stage = b.publish("calm", ANN, "m_1", "hello", 1000,
                m -> accepted.add(m.msg())).toCompletableFuture();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> stage.get(WAIT_MS,
                TimeUnit.MILLISECONDS), "the stage fails, in bounded time");
        assertInstanceOf(BrokerException.class, failed.getCause());
        assertTrue(accepted.isEmpty(), "accepted did not run");
        r.assertQuiet();
    }

    @Test
    void closeForgetsTheRoomsNumberingAndHistory() {
        Broker b = broker();
        publish(b, "calm", 1);
        publish(b, "calm", 2);
        b.close("calm");
        assertEquals(List.of(), history().recent("calm", 2000));
        assertEquals(1, publish(b, "calm", 3).seq());
    }

    private static ServerMessage.Message publish(Broker b, String msgId, String text, long ts, String request,
            List<Long> accepted) throws Exception {
        return b.publish("calm", ANN, msgId, text, ts, request, m -> accepted.add(m.seq())).toCompletableFuture()
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    @Test
    void aRetriedRequestIsNumberedKeptAndDeliveredOnceAndGetsTheFirstAnswer() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        List<Long> accepted = new CopyOnWriteArrayList<>();
        ServerMessage.Message first = publish(b, "m_1", "hello", 1000, "u_1\ns1", accepted);
        ServerMessage.Message retry = publish(b, "m_2", "hello", 1500, "u_1\ns1", accepted);
        assertEquals(1, first.seq());
        assertEquals(1, retry.seq(), "the retry gets the first one's number");
        assertEquals("m_1", retry.msg(), "and its message id, so its sent is the same");
        assertEquals(List.of(1L, 1L), accepted, "both requests are answered");
        assertEquals(2, publish(b, "calm", 2).seq(), "the retry used no number");
        List<Delivery> got = r.await(2);
        assertEquals(List.of("m_1", "m_calm2"), got.stream().map(d -> ((ServerMessage.Message) d.event()).msg())
                .toList(), "the retry is not delivered");
        r.assertQuiet();
        assertEquals(List.of("m_1", "m_calm2"), history().recent("calm", 2000).stream()
                .map(ServerMessage.Message::msg).toList(), "nor kept twice");
    }

    @Test
    void anotherTextAnotherMemberOrNoRequestIdIsANewMessage() throws Exception {
        Broker b = broker();
        List<Long> accepted = new CopyOnWriteArrayList<>();
        assertEquals(1, publish(b, "m_1", "hello", 1000, "u_1\ns1", accepted).seq());
        assertEquals(2, publish(b, "m_2", "hello again", 1001, "u_1\ns1", accepted).seq(),
                "a client reusing its ids loses nothing");
        assertEquals(3, publish(b, "m_3", "hello", 1002, "u_2\ns1", accepted).seq(), "another member's request");
        assertEquals(4, publish(b, "m_4", "hello", 1003, null, accepted).seq());
        assertEquals(5, publish(b, "m_5", "hello", 1004, null, accepted).seq(), "without a request id, every time");
        assertEquals(1, b.publish("grief", ANN, "m_6", "hello", 1005, "u_1\ns1", m -> { }).toCompletableFuture()
                .get(WAIT_MS, TimeUnit.MILLISECONDS).seq(), "rooms are apart");
    }

    /** A notice whose words are chosen per reader travels as its sentence, so every node can word it. */
    @Test
    void aNoticeCarryingASentenceArrivesWithItsSentenceWhole() throws Exception {
        Broker b = broker();
        Recorder r = new Recorder();
        b.subscribe("calm", r);
        Sentence slow = Sentence.of("notice.slow_mode.on", "seconds", 45);
        b.broadcast("calm", slow.notice("calm", "slow_mode"), null);
        ServerMessage.Notice got = (ServerMessage.Notice) r.await(1).get(0).event();
        assertEquals("slow_mode", got.code());
        assertEquals(slow, Sentence.fromToken(got.text()));
        assertEquals(new ServerMessage.Notice("calm", "slow_mode",
                "Der langsame Modus ist an: eine Nachricht alle 45 Sekunden."),
                ServerText.get().localize((ServerMessage) got, "de"), "worded on arrival, in the reader's language");
    }
}
