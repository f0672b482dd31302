package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code send} the room would refuse (not a member, room locked, muted, slow mode) is refused
 * before moderation, over real sockets: it spends none of the sender's rate tokens and earns no
 * strike toward an automatic mute; risk words in it still bring the writer a crisis card and staff
 * an escalation.
 */
class RoomPolicyFirstTest {
    private TestServer server;

    private void start(java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak)
            throws Exception {
        server = new TestServer(tweak);
        server.server().bootstrapModerator("alex:correct horse battery");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private WsClient moderator() throws Exception {
        return Moderators.watching(server, Moderators.token(server.port(), "alex", "correct horse battery"),
                new java.util.ArrayList<>());
    }

    private static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
    }

    @Test
    void aMutedMembersRefusedMessagesSpendNoRateTokens() throws Exception {
        int burst = 5;
        start(b -> b.burst(burst).ratePerSec(0.01)); // a token back every 100 s: none refills during the test
        WsClient a = server.joined("anxiety", "Ann");
        WsClient mod = moderator();
        String ann = TestServer.welcomeMember(a);
        assertEquals("ok", mod.request(Map.of("type", "mod.mute", "room", "anxiety", "member", ann,
                "seconds", 600, "id", "m")).path("type").asText());
        a.await("notice");
        for (int i = 0; i < burst + 3; i++) {
            assertEquals("muted", send(a, "anxiety", "hello " + i, "s" + i).path("code").asText(), "attempt " + i);
        }
        assertEquals("ok", mod.request(Map.of("type", "mod.unmute", "room", "anxiety", "member", ann,
                "id", "u")).path("type").asText());
        a.await("notice");
        for (int i = 0; i < burst; i++) {
            assertEquals("sent", send(a, "anxiety", "back " + i, "b" + i).path("type").asText(),
                    "the whole burst is still there: " + i);
        }
    }

    @Test
    void severeMessagesFromOutsideTheRoomEarnNoAutomaticMute() throws Exception {
        start(b -> b);
        WsClient a = server.member();
        for (String t : List.of("kys", "go kill yourself", "neck yourself", "kys")) {
            assertEquals("not_in_room", send(a, "general", t, "x").path("code").asText());
        }
        String ann = TestServer.welcomeMember(a);
        assertEquals("joined", a.request(Map.of("type", "join", "room", "general", "nick", "Ann", "id", "j"))
                .path("type").asText());
        assertEquals("sent", send(a, "general", "hello everyone", "h").path("type").asText(), "not muted");
        assertTrue(server.server().store().mutes().active("general", ann, System.currentTimeMillis())
                .isEmpty());
    }

    @Test
    void aRiskMessageRefusedByTheRoomStillBringsHelp() throws Exception {
        start(b -> b);
        WsClient mod = moderator();
        WsClient a = server.member();
        String ann = TestServer.welcomeMember(a);
        assertEquals("not_in_room", send(a, "depression",
                "I have the pills ready and I'm going to take them all tonight", "s").path("code").asText());
        assertEquals("imminent", a.seenOrAwait("crisis").path("level").asText(), "the writer sees help all the same");
        WsClient b = server.joined("grief", "Bo");
        String bo = TestServer.welcomeMember(b);
        assertEquals("ok", mod.request(Map.of("type", "mod.lock", "room", "grief", "locked", true, "id", "l"))
                .path("type").asText());
        assertEquals("room_locked", send(b, "grief",
                "I have the pills ready and I'm going to take them all tonight", "s").path("code").asText());
        assertEquals("imminent", b.seenOrAwait("crisis").path("level").asText());
        // staff hear of both people, and nothing was posted
        java.util.Set<String> members = new java.util.HashSet<>();
        for (int i = 0; i < 50 && members.size() < 2; i++) {
            members.clear();
            for (var e : server.server().staff().escalations().unresolved()) {
                members.add(e.memberId());
            }
            Thread.sleep(100);
        }
        assertEquals(java.util.Set.of(ann, bo), members);
        assertEquals(0, mod.request(Map.of("type", "mod.queue", "id", "q")).path("held").size());
    }
}
