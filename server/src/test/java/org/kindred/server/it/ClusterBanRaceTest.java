package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.CloseCodes;
import org.kindred.server.common.Ids;

/**
 * A ban holds on every node at once, in the window before a node has learnt it: two nodes sharing
 * one Redis and one PostgreSQL database, over real sockets. A banned member reconnects to the other
 * node (or to the moderator's node, for a ban made there of a member connected elsewhere, which has
 * no network fingerprint until the member's node adds it) right after the ban is acknowledged, as a
 * fresh session with a new member id from the same network (its socket opened beforehand, so only
 * the {@code hello} is left); each time that hello is either refused
 * {@code banned} or its session is closed {@code 4003} within the cluster's second. Repeated many
 * times, so the reconnect lands in the window (before the node reloaded its bans) in some of them.
 */
class ClusterBanRaceTest {
    /** Rounds per test: enough that some reconnects beat the ban's event to the other node. */
    private static final int ROUNDS = 30;
    /** The cluster's promise: a ban holds everywhere within this long after it was acknowledged, ms. */
    private static final long WITHIN_MS = 1_000;

    private static ClusterNodes cluster;
    private static final List<WsClient> OPEN = new ArrayList<>();
    private static WsClient mod;

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterNodes.sharingStore(2, b -> b, "{}");
        TestServer a = cluster.node(0);
        a.server().bootstrapModerator("alex:correct horse battery");
        mod = Moderators.watching(a.port(), Moderators.token(a.port(), "alex", "correct horse battery"), OPEN);
    }

    @AfterAll
    static void stop() throws Exception {
        for (WsClient c : OPEN) {
            c.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aMemberBannedOnAWhoReconnectsToBAtOnceIsRefusedOrClosedWithinASecond() throws Exception {
        int inWindow = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String from = "127.0.16." + (10 + i);
            WsClient member = hello(0, from);
            WsClient again = connected(1, from);
            long acked = ban(TestServer.welcomeMember(member));
            inWindow += reconnectIsStopped(again, 1, acked, "round " + i) ? 1 : 0;
            assertEquals(CloseCodes.BANNED, member.awaitClose(), "the banned member's own session closed on A");
        }
        System.out.println("ban on A, reconnect to B: welcomed in the window then closed " + inWindow + "/" + ROUNDS);
    }

    @Test
    void aMemberOnBBannedThroughAWhoReconnectsToAAtOnceIsRefusedOrClosedWithinASecond() throws Exception {
        int inWindow = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String from = "127.0.17." + (10 + i);
            WsClient member = hello(1, from);
            WsClient again = connected(0, from);
            long acked = ban(TestServer.welcomeMember(member));
            assertEquals(CloseCodes.BANNED, member.awaitClose(), "the banned member's session closed on B");
            // A made the ban by member id only; B, holding the member, adds its network: until A
            // hears of that, a fresh session from that network on A has a new member id and no ban
            inWindow += reconnectIsStopped(again, 0, acked, "round " + i) ? 1 : 0;
        }
        System.out.println("ban through A of a member on B, reconnect to A: welcomed in the window then closed "
                + inWindow + "/" + ROUNDS);
    }

    @Test
    void aMemberOfTheBannedNetworkAlreadyOnBBeforeTheBanStaysAsOnOneNode() throws Exception {
        String from = "127.0.18.10";
        WsClient neighbour = hello(1, from); // e.g. another person behind the same home router
        Thread.sleep(5); // made strictly before the ban, on the same clock
        WsClient member = hello(0, from);
        ban(TestServer.welcomeMember(member));
        assertEquals(CloseCodes.BANNED, member.awaitClose());
        long deadline = System.currentTimeMillis() + 2 * WITHIN_MS;
        JsonNode reply;
        do { // until B has learnt the ban (and closed what it covers)
            WsClient again = WsClient.connect(cluster.node(1).port(), Map.of(), from, true);
            OPEN.add(again);
            reply = again.request(Map.of("type", "hello", "v", 1, "id", "h"));
        } while (!"banned".equals(reply.path("code").asText()) && System.currentTimeMillis() < deadline);
        assertEquals("banned", reply.path("code").asText(), "B refuses the banned network: " + reply);
        Thread.sleep(200); // B closed what the ban covers before it refused; a close would be on its way
        assertTrue(!neighbour.isClosed(), "the neighbour's session on B goes on (it may not join rooms, as on one"
                + " node): " + neighbour.seen());
    }

    /** A client on node {@code node} from address {@code from} that was welcomed. */
    private static WsClient hello(int node, String from) throws Exception {
        WsClient c = connected(node, from);
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "id", "h"));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        return c;
    }

    /** Bans {@code member} through the moderator on node 0; returns when it was acknowledged (epoch ms). */
    private static long ban(String member) throws Exception {
        JsonNode ok = mod.request(Map.of("type", "mod.ban", "member", member, "reason", "threats", "id", Ids.of("b")));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        return System.currentTimeMillis();
    }

    /** A connection to node {@code node} from address {@code from} that has not said hello. */
    private static WsClient connected(int node, String from) throws Exception {
        WsClient c = WsClient.connect(cluster.node(node).port(), Map.of(), from, true);
        OPEN.add(c);
        return c;
    }

    /**
     * {@code again} (connected to node {@code node} before the ban, so that nothing but the
     * {@code hello} is left to do) asks for a fresh session at once: refused {@code banned}, or
     * welcomed (it beat the ban's event there) and then closed 4003 by {@code acked + 1 s}. True
     * when it was welcomed.
     */
    private static boolean reconnectIsStopped(WsClient again, int node, long acked, String round) throws Exception {
        JsonNode reply = again.request(Map.of("type", "hello", "v", 1, "id", "h"));
        if ("banned".equals(reply.path("code").asText())) {
            return false;
        }
        assertEquals("welcome", reply.path("type").asText(), round + ": " + reply);
        while (!again.isClosed() && System.currentTimeMillis() < acked + WITHIN_MS) {
            Thread.sleep(5);
        }
        assertTrue(again.isClosed(), round + ": a session from the banned network welcomed on node " + node
                + " in the window was not closed within " + WITHIN_MS + " ms of the ban");
        assertEquals(CloseCodes.BANNED, again.awaitClose(), round + ": closed as banned");
        return true;
    }
}
