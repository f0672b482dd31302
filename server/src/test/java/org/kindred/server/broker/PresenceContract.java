package org.kindred.server.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;

/** What every {@link Presence} guarantees. An implementation's test extends this. */
public abstract class PresenceContract {

    /** A new presence with no members anywhere. */
    protected abstract Presence presence();

    private static MemberInfo member(String id, String nick) {
        return new MemberInfo(id, nick, Role.MEMBER);
    }

    @Test
    void listsMembersInJoinOrderAndCountsThem() {
        Presence p = presence();
        assertEquals(1, p.add("calm", member("u_2", "Bo")));
        assertEquals(2, p.add("calm", member("u_1", "Ann")));
        assertEquals(List.of("u_2", "u_1"), p.members("calm").stream().map(MemberInfo::id).toList());
        assertEquals(2, p.count("calm"));
        assertEquals("Ann", p.get("calm", "u_1").orElseThrow().nick());
        assertEquals("Ann", p.remove("calm", "u_1").orElseThrow().nick());
        assertTrue(p.remove("calm", "u_1").isEmpty(), "removed once");
        assertEquals(1, p.count("calm"));
        assertEquals(0, p.count("nowhere"));
    }

    @Test
    void aNicknameKeyIsHeldByOneMemberAtATime() {
        Presence p = presence();
        assertTrue(p.claimNick("calm", "u_1", List.of("case:ann", "look:ann")));
        assertFalse(p.claimNick("calm", "u_2", List.of("case:anne", "look:ann")), "one shared key is enough");
        assertTrue(p.claimNick("calm", "u_2", List.of("case:bo", "look:bo")), "a failed claim holds nothing");
        assertTrue(p.claimNick("calm", "u_1", List.of("case:ann", "look:ann")), "claiming again is fine");
        assertTrue(p.claimNick("grief", "u_2", List.of("case:ann", "look:ann")), "rooms are independent");
    }

    @Test
    void aNewClaimReplacesTheOldAndLeavingReleasesIt() {
        Presence p = presence();
        p.add("calm", member("u_1", "Ann"));
        assertTrue(p.claimNick("calm", "u_1", List.of("case:ann")));
        assertTrue(p.claimNick("calm", "u_1", List.of("case:annie")));
        assertTrue(p.claimNick("calm", "u_2", List.of("case:ann")), "the old nickname was released");
        p.remove("calm", "u_1");
        assertTrue(p.claimNick("calm", "u_3", List.of("case:annie")), "leaving releases the nickname");
        p.releaseNick("calm", "u_3");
        assertTrue(p.claimNick("calm", "u_4", List.of("case:annie")));
    }

    @Test
    void clearForgetsOneRoom() {
        Presence p = presence();
        p.add("calm", member("u_1", "Ann"));
        p.claimNick("calm", "u_1", List.of("case:ann"));
        p.add("grief", member("u_1", "Ann"));
        p.clear("calm");
        assertEquals(0, p.count("calm"));
        assertTrue(p.claimNick("calm", "u_2", List.of("case:ann")));
        assertEquals(1, p.count("grief"));
    }

    @Test
    void awaySeatsCountApartAndTheLongestAwayGoFirst() {
        Presence p = presence();
        for (String id : List.of("u_1", "u_2", "u_3", "u_4")) {
            p.add("calm", member(id, id));
            p.claimNick("calm", id, List.of("case:" + id));
        }
        assertEquals(4, p.seated("calm"));
        p.away("calm", "u_3", true);
        p.away("calm", "u_1", true);
        p.away("calm", "u_2", true);
        p.away("calm", "u_3", true); // already away: keeps its place, first
        p.away("calm", "u_9", true); // not in the room: nothing
        assertEquals(1, p.seated("calm"), "three away of four");
        assertEquals(4, p.count("calm"), "away members are still in the room");
        p.away("calm", "u_2", false);
        assertEquals(2, p.seated("calm"), "u_2 is back");
        assertEquals(List.of(), p.trimAway("calm", 2), "two away may stay");
        assertEquals(List.of("u_3"), p.trimAway("calm", 1).stream().map(MemberInfo::id).toList(),
                "the one away longest goes");
        assertTrue(p.get("calm", "u_3").isEmpty());
        assertTrue(p.claimNick("calm", "u_5", List.of("case:u_3")), "its nickname is free");
        assertEquals(3, p.count("calm"));

        p.add("calm", member("u_1", "u_1"));
        assertEquals(3, p.seated("calm"), "added again: back");
        p.away("calm", "u_4", true);
        p.remove("calm", "u_4");
        assertEquals(List.of(), p.trimAway("calm", 0), "a removed member is no longer away");
        assertEquals(0, p.seated("grief"));
        assertEquals(List.of(), p.trimAway("grief", 0));
    }

    @Test
    void concurrentClaimsOfOneNicknameLetExactlyOneWin() throws Exception {
        Presence p = presence();
        int threads = 8;
        AtomicInteger won = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            String id = "u_" + i;
            ts[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (p.claimNick("calm", id, List.of("case:same", "look:same-" + id))) {
                    won.incrementAndGet();
                }
            });
            ts[i].start();
        }
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(1, won.get());
    }
}
