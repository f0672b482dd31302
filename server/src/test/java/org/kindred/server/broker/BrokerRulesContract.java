package org.kindred.server.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker.Admission;
import org.kindred.server.broker.Broker.Posted;
import org.kindred.server.broker.Restrictions.Hold;
import org.kindred.server.broker.Restrictions.Kind;

/**
 * What every {@link Broker} guarantees of a checked {@link Broker#post}: the room's rules (its
 * {@link Broker#restrictions()}) are checked in the step that numbers the post, after a retry's
 * earlier answer and before anything is used, kept or delivered. Times are the real clock (an
 * implementation may let its keys expire by it).
 */
public abstract class BrokerRulesContract {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private static final MemberInfo MOD = new MemberInfo("mod_1", "Morgan", Role.MODERATOR);
    private static final Admission ANN_POSTS = new Admission("u_1", true, null);
    private static final long WAIT_MS = 5000;
    private final long t = System.currentTimeMillis();

    /** A new broker (with rules of its own, and nothing posted yet). */
    protected abstract Broker broker();

    /** Every event a subscriber got, in order. */
    protected static final class Feed implements Broker.Subscriber {
        final BlockingQueue<ServerMessage> got = new LinkedBlockingQueue<>();

        public Feed() {
        }

        @Override
        public void deliver(String room, ServerMessage event, String exceptMember) {
            got.add(event);
        }

        /** Waits for the next event, failing after a while. */
        public ServerMessage next() throws InterruptedException {
            ServerMessage m = got.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("nothing delivered");
            }
            return m;
        }

        /** Nothing more arrives within a short while. */
        public void assertQuiet() throws InterruptedException {
            assertNull(got.poll(300, TimeUnit.MILLISECONDS), "no further delivery");
        }
    }

    protected static Posted post(Broker b, MemberInfo from, String msgId, String text, long ts, String request,
            Admission who) throws Exception {
        return b.post("calm", from, msgId, text, ts, request, who, m -> { }).toCompletableFuture()
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    private static long seq(Posted p) {
        assertNull(p.held(), "not held");
        return p.message().seq();
    }

    @Test
    void aPostIsHeldByTheLockThenAMuteThenSlowModeAndAHeldPostUsesNothing() throws Exception {
        Broker b = broker();
        Feed feed = new Feed();
        b.subscribe("calm", feed);
        Restrictions rules = b.restrictions();
        rules.lock("calm", true);
        rules.mute("calm", "u_1", t + 10_000);
        assertEquals(new Hold(Kind.LOCKED, 0), post(b, ANN, "m_1", "hi", t, "u_1\ns1", ANN_POSTS).held(),
                "the lock first");
        rules.lock("calm", false);
        assertEquals(new Hold(Kind.MUTED, 9_000), post(b, ANN, "m_2", "hi", t + 1_000, "u_1\ns1", ANN_POSTS).held(),
                "then the mute, with its wait");
        rules.unmute("calm", "u_1", t + 1_000);
        rules.slow("calm", 30);
        assertEquals(1, seq(post(b, ANN, "m_3", "hi", t + 2_000, "u_1\ns1", ANN_POSTS)),
                "no number was used by the held ones, and the request was not remembered");
        assertEquals(new Hold(Kind.SLOW, 20_000), post(b, ANN, "m_4", "again", t + 12_000, "u_1\ns2", ANN_POSTS)
                .held(), "then slow mode, counted from the post that went through");
        assertEquals(2, seq(post(b, new MemberInfo("u_2", "Bo", Role.MEMBER), "m_5", "hi", t + 12_000, "u_2\ns1",
                new Admission("u_2", true, null))), "per member");
        assertEquals("m_3", ((ServerMessage.Message) feed.next()).msg());
        assertEquals("m_5", ((ServerMessage.Message) feed.next()).msg());
        feed.assertQuiet();
        assertEquals(3, seq(post(b, ANN, "m_6", "later", t + 32_000, "u_1\ns3", ANN_POSTS)), "once the wait is over");
    }

    @Test
    void staffAndMessagesAlreadyAdmittedAreNotHeld() throws Exception {
        Broker b = broker();
        b.restrictions().lock("calm", true);
        b.restrictions().mute("calm", "mod_1", t + 60_000);
        assertEquals(1, seq(post(b, MOD, "m_1", "we are here", t, "mod_1\ns1", new Admission("mod_1", false, null))));
        assertEquals(2, seq(post(b, ANN, "m_2", "approved", t, null, null)), "an approved message: no checks");
        assertEquals(3, b.publish("calm", ANN, "m_3", "approved too", t, m -> { }).toCompletableFuture()
                .get(WAIT_MS, TimeUnit.MILLISECONDS).seq());
    }

    @Test
    void aRetryOfADeliveredPostGetsItsFirstAnswerWhateverTheRulesSayNow() throws Exception {
        Broker b = broker();
        Feed feed = new Feed();
        b.subscribe("calm", feed);
        b.restrictions().slow("calm", 60);
        Posted first = post(b, ANN, "m_1", "hello", t, "u_1\ns1", ANN_POSTS);
        assertEquals(1, seq(first));
        Posted retry = post(b, ANN, "m_2", "hello", t + 1_000, "u_1\ns1", ANN_POSTS);
        assertNull(retry.held(), "under slow mode, the retry is not held: " + retry);
        assertEquals(1, retry.message().seq(), "it gets the first one's number");
        assertEquals("m_1", retry.message().msg(), "and id, so the same sent");
        assertEquals(Kind.SLOW, post(b, ANN, "m_3", "hello", t + 1_000, "u_1\ns2", ANN_POSTS).held().kind(),
                "a new request is held");
        b.restrictions().lock("calm", true);
        b.restrictions().mute("calm", "u_1", t + 60_000);
        Posted locked = post(b, ANN, "m_4", "hello", t + 2_000, "u_1\ns1", ANN_POSTS);
        assertEquals("m_1", locked.message().msg(), "locked and muted since: still the first answer");
        assertEquals("m_1", feed.next() instanceof ServerMessage.Message m ? m.msg() : null);
        feed.assertQuiet();
        assertEquals(java.util.Optional.of("m_1"), b.earlier("calm", "u_1\ns1", "hello", t + 3_000)
                .toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS), "the request can be looked up");
        assertEquals(java.util.Optional.empty(), b.earlier("calm", "u_1\ns1", "other words", t + 3_000)
                .toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS), "another text is another request");
        assertEquals(java.util.Optional.empty(), b.earlier("calm", "u_1\ns2", "hello", t + 3_000)
                .toCompletableFuture().get(WAIT_MS, TimeUnit.MILLISECONDS), "a held request was not remembered");
    }

    /**
     * A member posts without pause while a moderator locks the room and announces it: every post
     * is either delivered before the announcement or held, never delivered after it.
     */
    @Test
    void noPostIsDeliveredAfterTheLocksNotice() throws Exception {
        Broker b = broker();
        Feed feed = new Feed();
        b.subscribe("calm", feed);
        List<CompletableFuture<Posted>> posts = new ArrayList<>();
        CompletableFuture<Void> locked = new CompletableFuture<>();
        Thread locker = new Thread(() -> {
            try {
                Thread.sleep(30);
                b.restrictions().lock("calm", true);
                b.broadcast("calm", new ServerMessage.Notice("calm", "locked", "locked"), null);
                locked.complete(null);
            } catch (Exception e) {
                locked.completeExceptionally(e);
            }
        });
        locker.start();
        for (int i = 0, after = 0; after < 5; i++) {
            after += locked.isDone() ? 1 : 0;
            posts.add(b.post("calm", ANN, "m_" + i, "line " + i, t, "u_1\ns" + i, ANN_POSTS, m -> { })
                    .toCompletableFuture());
            if (i % 20 == 19) {
                Thread.sleep(1);
            }
        }
        locked.get(WAIT_MS, TimeUnit.MILLISECONDS);
        int delivered = 0;
        int held = 0;
        for (CompletableFuture<Posted> p : posts) {
            Posted got = p.get(WAIT_MS, TimeUnit.MILLISECONDS);
            if (got.held() == null) {
                delivered++;
            } else {
                assertEquals(Kind.LOCKED, got.held().kind());
                held++;
            }
        }
        assertTrue(held > 0 && delivered > 0, "the lock came while posts were being sent: " + delivered + ", "
                + held);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < delivered + 1; i++) {
            ServerMessage e = feed.next();
            order.add(e instanceof ServerMessage.Message m ? "message " + m.seq() : "notice");
        }
        assertEquals("notice", order.get(order.size() - 1), "every delivered post came before the notice: " + order);
        feed.assertQuiet();
    }
}
