package org.kindred.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.broker.MemoryBroker;
import org.kindred.server.broker.MemoryHistory;
import org.kindred.server.broker.MemoryPresence;
import org.kindred.server.broker.MemoryReactions;
import org.kindred.server.config.RoomConfig;
import org.kindred.server.dispatch.RoomReplies;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.LocalHub;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Session;
import org.kindred.server.testing.Harness;
import org.kindred.server.transport.Connection;

/**
 * After the shared presence lost everything (Redis came back empty), the sweep adds this node's
 * members again with their nicknames. When another node's member took a look-alike of one in
 * between, the sweep lists the member without it; once the other lets it go, the next sweep
 * claims it again. Before, the member stayed listed without a claim, so anyone could join under
 * a look-alike of its nickname from then on ({@code ClusterOutageTest} failed so under load:
 * its probe joined as "ANN" on node B just as node A's sweep added Ann back).
 */
class RoomSweepNicknameTest {
    private static final String ROOM = "calm";
    private final ProtocolCodec codec = ProtocolCodec.shared();
    private final Metrics metrics = new Metrics();
    private final NickRules nicks = new NickRules(n -> true);
    private final MemoryPresence presence = new MemoryPresence();
    private final MemoryHistory history = new MemoryHistory(10, 60_000);
    private final Room room = new Room(new RoomConfig(ROOM, "Calm", "t", "Be kind.", 10), Runnable::run,
            new RoomParts(new MemoryBroker(history), presence, history, new LocalHub(codec, metrics), nicks, metrics,
                    () -> 1_000_000L, new MemoryReactions(history), true));

    @Test
    void aNicknameTakenWhileThePresenceWasLostIsClaimedAgainOnceItIsFree() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = new Connection(ch, codec, metrics, null, new Connection.Limits(60, 20, 5), 0);
        Session ann = new Session("u_ann", "h", Role.MEMBER, null, null, null, null, 0, 10, c);
        c.attach(ann);
        RoomReplies.join(room, ann, "Ann", c, "1");
        assertEquals("joined", Harness.drain(ch).get(0).path("type").asText());
        assertFalse(presence.claimNick(ROOM, "u_other", nicks.keys("ANN")), "Ann holds her nickname");

        presence.clear(ROOM); // Redis came back empty
        assertTrue(presence.claimNick(ROOM, "u_cy", nicks.keys("ANN")), "a member on another node takes it first");
        presence.add(ROOM, new MemberInfo("u_cy", "ANN", Role.MEMBER));
        room.sweep(60_000);
        assertTrue(presence.members(ROOM).stream().anyMatch(m -> m.id().equals("u_ann")), "Ann is listed again");
        assertFalse(presence.claimNick(ROOM, "u_dee", nicks.keys("ann")), "the look-alike is held (by Cy)");

        presence.remove(ROOM, "u_cy"); // Cy leaves and lets the nickname go
        presence.releaseNick(ROOM, "u_cy");
        room.sweep(60_000);
        assertFalse(presence.claimNick(ROOM, "u_dee", nicks.keys("ANN")), "Ann holds her nickname again");
        room.sweep(60_000);
        assertFalse(presence.claimNick(ROOM, "u_dee", nicks.keys("Ann")), "and keeps it");
    }
}
