package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.server.broker.Presence;
import org.kindred.server.broker.PresenceContract;
import org.kindred.server.testing.RedisServer;

/** The {@link Presence} contract over a real Redis. */
class RedisPresenceTest extends PresenceContract {
    private RedisNodes nodes;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected Presence presence() {
        return nodes.presence(RedisNodes.freshPrefix(), "n_a", 10_000);
    }

    @Test
    void getAllIsOneRoundTripForEveryRoomAndLeavesOutTheMembersOfAGoneNode() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisLink link = nodes.link();
        RedisPresence living = new RedisPresence(link, prefix, "n_living", 60_000);
        try {
            long end = System.currentTimeMillis() + 5_000;
            while (link.commandsSent() == 0 && System.currentTimeMillis() < end) {
                Thread.sleep(5); // the first heartbeat; the next is 20 s away
            }
            RedisPresence dying = nodes.presence(prefix, "n_dying", 900);
            living.add("calm", new MemberInfo("u_1", "Ann", Role.MEMBER));
            living.add("grief", new MemberInfo("u_2", "Bo", Role.SUPPORTER));
            dying.add("calm", new MemberInfo("u_3", "Cy", Role.MEMBER));
            Map<String, List<String>> wanted = Map.of("calm", List.of("u_1", "u_3", "u_9"), "grief", List.of("u_2"),
                    "anxiety", List.of("u_1"));
            long before = link.commandsSent();
            Map<String, Map<String, MemberInfo>> found = living.getAll(wanted);
            assertEquals(1, link.commandsSent() - before, "one round trip for three rooms");
            assertEquals(Set.of("u_1", "u_3"), found.get("calm").keySet());
            assertEquals(Role.SUPPORTER, found.get("grief").get("u_2").role());
            before = link.commandsSent();
            assertTrue(living.getAll(Map.of("calm", List.of())).isEmpty());
            assertEquals(0, link.commandsSent() - before, "none when nobody is asked for");

            dying.close(); // as if its node died: its liveness key expires
            Thread.sleep(1_500);
            assertEquals(Set.of("u_1"), living.getAll(wanted).get("calm").keySet(), "the gone node's member is not");
            assertEquals(Set.of("u_1"), living.getAll(wanted).get("calm").keySet(), "read-only: the same again");
        } finally {
            living.close();
        }
    }
}
