package org.kindred.server.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ReactionCounts;
import org.kindred.protocol.ReactionKind;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;

/**
 * What every {@link Reactions} guarantees. An implementation's test extends this and makes
 * reactions following a history of {@value #SIZE} messages kept {@value #AGE_MS} ms.
 */
public abstract class ReactionsContract {
    protected static final int SIZE = 3;
    protected static final long AGE_MS = 60_000;
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private static final long T = 1_000_000;

    /** A new, empty history of {@link #SIZE} messages at most, none older than {@link #AGE_MS}. */
    protected abstract History history();

    /** New, empty reactions following {@code history}. */
    protected abstract Reactions reactions(History history);

    private History history;
    private Reactions reactions;

    private Reactions fresh() {
        history = history();
        reactions = reactions(history);
        return reactions;
    }

    private void post(String room, int n, long ts) {
        history.append(room, new ServerMessage.Message(room, "m_" + n, n, ANN, "text " + n, ts));
    }

    @Test
    void eachMemberHoldsEachKindOncePerMessage() {
        Reactions r = fresh();
        post("calm", 1, T);
        assertEquals(new Reactions.Outcome(true, true, 1), r.react("calm", "m_1", "u_2", ReactionKind.HUG, false, T));
        assertEquals(new Reactions.Outcome(true, false, 1), r.react("calm", "m_1", "u_2", ReactionKind.HUG, false, T),
                "the same hug again changes nothing");
        assertEquals(new Reactions.Outcome(true, true, 1), r.react("calm", "m_1", "u_2", ReactionKind.HEART, false, T),
                "another kind is another reaction");
        assertEquals(new Reactions.Outcome(true, true, 2), r.react("calm", "m_1", "u_3", ReactionKind.HUG, false, T),
                "another member's hug counts");
        assertEquals(new ReactionCounts(1, 2, 0, 0), r.counts("calm", "m_1"));
    }

    @Test
    void takingBackLowersTheCountAndNeverBelowZero() {
        Reactions r = fresh();
        post("calm", 1, T);
        r.react("calm", "m_1", "u_2", ReactionKind.SAME, false, T);
        r.react("calm", "m_1", "u_3", ReactionKind.SAME, false, T);
        assertEquals(new Reactions.Outcome(true, true, 1), r.react("calm", "m_1", "u_2", ReactionKind.SAME, true, T));
        assertEquals(new Reactions.Outcome(true, false, 1), r.react("calm", "m_1", "u_2", ReactionKind.SAME, true, T),
                "taken back once");
        assertEquals(new Reactions.Outcome(true, false, 1),
                r.react("calm", "m_1", "u_4", ReactionKind.SAME, true, T), "one never given cannot be taken back");
        assertEquals(new Reactions.Outcome(true, false, 0),
                r.react("calm", "m_1", "u_4", ReactionKind.STRENGTH, true, T));
        assertEquals(new Reactions.Outcome(true, true, 0), r.react("calm", "m_1", "u_3", ReactionKind.SAME, true, T));
        assertEquals(ReactionCounts.NONE, r.counts("calm", "m_1"));
        assertEquals(new Reactions.Outcome(true, true, 1), r.react("calm", "m_1", "u_2", ReactionKind.SAME, false, T),
                "given again after taking it back");
    }

    @Test
    void onlyMessagesTheHistoryKeepsGetReactions() {
        Reactions r = fresh();
        post("calm", 1, T);
        assertEquals(Reactions.Outcome.NOT_FOUND, r.react("calm", "m_9", "u_2", ReactionKind.HUG, false, T),
                "never posted");
        assertEquals(Reactions.Outcome.NOT_FOUND, r.react("grief", "m_1", "u_2", ReactionKind.HUG, false, T),
                "posted in another room");
        r.react("calm", "m_1", "u_2", ReactionKind.HUG, false, T);
        history.remove("calm", "m_1");
        assertEquals(Reactions.Outcome.NOT_FOUND, r.react("calm", "m_1", "u_3", ReactionKind.HUG, false, T),
                "deleted");
        assertEquals(Reactions.Outcome.NOT_FOUND, r.react("calm", "m_1", "u_2", ReactionKind.HUG, true, T),
                "not even taken back");
    }

    @Test
    void aMessagePastTheMaximumAgeOrPushedOutTakesNoMore() {
        Reactions r = fresh();
        post("calm", 1, T);
        r.react("calm", "m_1", "u_2", ReactionKind.HEART, false, T);
        assertTrue(r.react("calm", "m_1", "u_3", ReactionKind.HEART, false, T + AGE_MS).found(), "still kept");
        assertEquals(Reactions.Outcome.NOT_FOUND,
                r.react("calm", "m_1", "u_4", ReactionKind.HEART, false, T + AGE_MS + 1), "too old");
        post("calm", 2, T + AGE_MS);
        r.react("calm", "m_2", "u_2", ReactionKind.HUG, false, T + AGE_MS);
        for (int n = 3; n <= 2 + SIZE; n++) {
            post("calm", n, T + AGE_MS);
        }
        assertEquals(Reactions.Outcome.NOT_FOUND, r.react("calm", "m_2", "u_3", ReactionKind.HUG, false, T + AGE_MS),
                "pushed out by " + SIZE + " newer messages");
    }

    @Test
    void historyGetsItsCountsInOrderAndNoneWhereNobodyReacted() {
        Reactions r = fresh();
        post("calm", 1, T);
        post("calm", 2, T);
        post("calm", 3, T);
        r.react("calm", "m_2", "u_2", ReactionKind.STRENGTH, false, T);
        r.react("calm", "m_2", "u_3", ReactionKind.STRENGTH, false, T);
        r.react("calm", "m_3", "u_2", ReactionKind.SAME, false, T);
        List<ServerMessage.Message> shown = r.withCounts("calm", history.recent("calm", T));
        assertEquals(List.of("m_1", "m_2", "m_3"), shown.stream().map(ServerMessage.Message::msg).toList());
        assertEquals(List.of(ReactionCounts.NONE, new ReactionCounts(0, 0, 2, 0), new ReactionCounts(0, 0, 0, 1)),
                shown.stream().map(ServerMessage.Message::reactions).toList());
        assertEquals("text 2", shown.get(1).text(), "the message itself is unchanged");
    }

    @Test
    void roomsAreIndependentAndClearForgetsOne() {
        Reactions r = fresh();
        post("calm", 1, T);
        post("grief", 1, T);
        r.react("calm", "m_1", "u_2", ReactionKind.HUG, false, T);
        r.react("grief", "m_1", "u_2", ReactionKind.HEART, false, T);
        assertEquals(new ReactionCounts(0, 1, 0, 0), r.counts("calm", "m_1"));
        assertEquals(new ReactionCounts(1, 0, 0, 0), r.counts("grief", "m_1"));
        r.clear("calm");
        assertEquals(ReactionCounts.NONE, r.counts("calm", "m_1"));
        assertEquals(0, r.tracked("calm"));
        assertEquals(new ReactionCounts(1, 0, 0, 0), r.counts("grief", "m_1"));
        assertEquals(ReactionCounts.NONE, r.counts("nowhere", "m_1"), "an unknown room has no reactions");
    }

    @Test
    void whatIsKeptStaysBoundedHoweverLongTheRoomTalks() {
        Reactions r = fresh();
        for (int n = 1; n <= 200; n++) {
            post("calm", n, T + n);
            assertTrue(r.react("calm", "m_" + n, "u_2", ReactionKind.HEART, false, T + n).changed());
            assertTrue(r.tracked("calm") <= 2 * SIZE + 1, "tracked " + r.tracked("calm") + " after " + n);
        }
        assertEquals(new ReactionCounts(1, 0, 0, 0), r.counts("calm", "m_200"), "the newest keeps its count");
    }

    @Test
    void concurrentReactionsAreEachCountedOnce() throws Exception {
        Reactions r = fresh();
        post("calm", 1, T);
        int members = 64;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<Reactions.Outcome>> done = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                String who = "u_" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    r.react("calm", "m_1", who, ReactionKind.HUG, false, T);
                    return r.react("calm", "m_1", who, ReactionKind.HUG, false, T); // the same again: no change
                }));
            }
            start.countDown();
            for (var f : done) {
                assertFalse(f.get(10, TimeUnit.SECONDS).changed());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(members, r.counts("calm", "m_1").hug());
    }
}
