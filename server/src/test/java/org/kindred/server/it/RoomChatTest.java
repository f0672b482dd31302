package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members joining rooms and talking, over real sockets. */
class RoomChatTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void helloGetsWelcomeWithSessionMemberAndLimits() throws Exception {
        WsClient c = server.raw();
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "id", "1", "locale", "en-GB", "region", "GB"));
        assertEquals("welcome", w.path("type").asText());
        assertEquals(1, w.path("v").asInt());
        assertTrue(w.path("session").asText().length() >= 32);
        assertTrue(w.path("member").path("id").asText().startsWith("u_"));
        assertEquals("member", w.path("member").path("role").asText());
        assertEquals(2000, w.path("limits").path("maxText").asInt());
        assertTrue(w.path("limits").has("ratePerSec"));
        assertTrue(w.path("limits").has("burst"));
    }

    @Test
    void anythingBeforeHelloIsRefusedAndTheConnectionStays() throws Exception {
        WsClient c = server.raw();
        JsonNode e = c.request(Map.of("type", "rooms", "id", "r"));
        assertEquals("hello_required", e.path("code").asText());
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "id", "h"));
        assertEquals("welcome", w.path("type").asText());
    }

    @Test
    void unsupportedVersion() throws Exception {
        WsClient c = server.raw();
        assertEquals("unsupported_version", c.request(Map.of("type", "hello", "v", 2, "id", "h")).path("code")
                .asText());
    }

    @Test
    void roomsListsTheDefaultRooms() throws Exception {
        WsClient c = server.member();
        JsonNode r = c.request(Map.of("type", "rooms", "id", "r"));
        Set<String> ids = new HashSet<>();
        r.path("rooms").forEach(n -> {
            ids.add(n.path("room").asText());
            assertTrue(n.path("capacity").asInt() > 0);
            assertTrue(n.has("title") && n.has("topic") && n.has("members") && n.has("locked"));
        });
        assertTrue(ids.containsAll(Set.of("general", "anxiety", "depression", "grief", "recovery")), ids::toString);
    }

    @Test
    void joinGivesGuidelinesModeAndMembersAndOthersSeePresence() throws Exception {
        WsClient a = server.joined("anxiety", "Ann");
        WsClient b = server.member();
        JsonNode j = b.request(Map.of("type", "join", "room", "anxiety", "nick", "Bo", "id", "j"));
        assertEquals("joined", j.path("type").asText());
        assertEquals("Bo", j.path("you").path("nick").asText());
        assertEquals(2, j.path("members").size());
        assertTrue(j.path("guidelines").asText().length() > 20);
        assertEquals(0, j.path("mode").path("slowSeconds").asInt());
        assertTrue(j.path("history").isArray());
        JsonNode p = a.await("presence");
        assertEquals("join", p.path("event").asText());
        assertEquals("Bo", p.path("member").path("nick").asText());
        assertEquals(2, p.path("count").asInt());
        JsonNode rooms = b.request(Map.of("type", "rooms", "id", "r2"));
        assertEquals(2, roomEntry(rooms, "anxiety").path("members").asInt(), rooms.toString());
    }

    @Test
    void withoutNickTheServerPicksAFriendlyPseudonym() throws Exception {
        WsClient c = server.member();
        JsonNode j = c.request(Map.of("type", "join", "room", "general", "id", "j"));
        assertTrue(j.path("you").path("nick").asText().matches("[A-Z][a-z]+ [A-Z][a-z]+( \\d+)?"),
                j.toString());
    }

    @Test
    void twoMembersChatAndTheSenderSeesItsOwnMessage() throws Exception {
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        JsonNode sent = a.request(Map.of("type", "send", "room", "general", "text", "  hello, Bo  ", "id", "s1"));
        assertEquals("sent", sent.path("type").asText());
        assertEquals("delivered", sent.path("status").asText());
        assertEquals("hello, Bo", sent.path("text").asText());
        JsonNode ma = a.await("message");
        JsonNode mb = b.await("message");
        assertEquals(ma, mb);
        assertEquals(sent.path("msg").asText(), mb.path("msg").asText());
        assertEquals("hello, Bo", mb.path("text").asText());
        assertEquals("Ann", mb.path("from").path("nick").asText());
        assertTrue(mb.path("ts").asLong() > 0);
        assertTrue(mb.path("seq").asLong() >= 1);
        assertTrue(!mb.has("id"), "events carry no id");
    }

    @Test
    void everyMemberSeesTheSameStrictlyIncreasingOrderUnderConcurrentSenders() throws Exception {
        int senders = 4;
        int each = 25;
        List<WsClient> members = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            members.add(server.joined("depression", "Member " + i));
        }
        WsClient watcher = server.joined("depression", "Watcher");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            WsClient c = members.get(i);
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; k < each; k++) {
                        c.send(Map.of("type", "send", "room", "depression", "text", n + ":" + k));
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<String> reference = messages(watcher, senders * each);
        for (WsClient c : members) {
            assertEquals(reference, messages(c, senders * each), "every member sees the same seq and text order");
        }
        List<String> texts = new ArrayList<>();
        for (String s : reference) {
            texts.add(s.substring(s.indexOf('|') + 1));
        }
        assertEquals(senders * each, new HashSet<>(texts).size(), "no text delivered twice: " + texts);
        for (int i = 0; i < senders; i++) {
            List<Integer> own = new ArrayList<>();
            for (String text : texts) {
                String[] parts = text.split(":");
                if (Integer.parseInt(parts[0]) == i) {
                    own.add(Integer.parseInt(parts[1]));
                }
            }
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < each; k++) {
                expected.add(k);
            }
            assertEquals(expected, own, "sender " + i + "'s messages arrive all, once each, in the order sent");
        }
    }

    /** "seq|text" of the next n messages, checking seq strictly increases. */
    private static List<String> messages(WsClient c, int n) throws InterruptedException {
        List<String> out = new ArrayList<>();
        long lastSeq = 0;
        while (out.size() < n) {
            JsonNode m = c.await("message");
            long seq = m.path("seq").asLong();
            assertTrue(seq > lastSeq, "seq strictly increasing: " + seq + " after " + lastSeq);
            lastSeq = seq;
            out.add(seq + "|" + m.path("text").asText());
        }
        return out;
    }

    @Test
    void typingReachesOthersButNotTheTypist() throws Exception {
        WsClient a = server.joined("grief", "Ann");
        WsClient b = server.joined("grief", "Bo");
        a.send(Map.of("type", "typing", "room", "grief", "id", "t"));
        JsonNode t = b.await("typing");
        assertEquals("Ann", t.path("member").path("nick").asText());
        a.send(Map.of("type", "rooms", "id", "after"));
        JsonNode next = a.await(n -> !"presence".equals(n.path("type").asText()), "next reply");
        assertEquals("rooms", next.path("type").asText(), "typing is not answered on success");
        // Ann's own typing, were it sent back to her, would come through the room after the reply
        // (spread, through Redis); her next message comes the same way and after it
        assertEquals("sent", a.request(Map.of("type", "send", "room", "grief", "text", "sorry, lost my words",
                "id", "s")).path("type").asText());
        a.await(n -> "message".equals(n.path("type").asText()) && "sorry, lost my words".equals(n.path("text").asText()),
                "Ann's own message");
        assertTrue(a.seen().stream().noneMatch(n -> "typing".equals(n.path("type").asText())), "not to the typist");
    }

    @Test
    void leaveAnswersOkTellsOthersAndStopsSending() throws Exception {
        WsClient a = server.joined("recovery", "Ann");
        WsClient b = server.joined("recovery", "Bo");
        assertEquals("ok", b.request(Map.of("type", "leave", "room", "recovery", "id", "l")).path("type").asText());
        JsonNode p = a.await(n -> "presence".equals(n.path("type").asText())
                && "leave".equals(n.path("event").asText()), "presence leave");
        assertEquals("Bo", p.path("member").path("nick").asText());
        assertEquals(1, p.path("count").asInt());
        assertEquals("not_in_room", b.request(Map.of("type", "send", "room", "recovery", "text", "hi", "id", "s"))
                .path("code").asText());
        assertEquals("not_in_room", b.request(Map.of("type", "leave", "room", "recovery", "id", "l2"))
                .path("code").asText());
    }

    @Test
    void joinErrors() throws Exception {
        WsClient a = server.joined("general", "Ann");
        assertEquals("already_in_room", a.request(Map.of("type", "join", "room", "general", "id", "1"))
                .path("code").asText());
        assertEquals("not_found", a.request(Map.of("type", "join", "room", "nowhere", "id", "2"))
                .path("code").asText());
        WsClient b = server.member();
        assertEquals("nick_taken", b.request(Map.of("type", "join", "room", "general", "nick", " ann ", "id", "3"))
                .path("code").asText());
        for (String bad : List.of("a", "x".repeat(25), "<script>", "bob\u202e", "  ")) {
            JsonNode e = b.request(Map.of("type", "join", "room", "general", "nick", bad, "id", "n"));
            assertEquals("nick_invalid", e.path("code").asText(), bad);
            assertTrue(e.path("message").asText().length() > 10);
        }
        assertNull(b.poll(100));
    }

    @Test
    void textMustBeOneToMaxCharacters() throws Exception {
        WsClient a = server.joined("general", "Ann");
        assertEquals("text_invalid", a.request(Map.of("type", "send", "room", "general", "text", "   ", "id", "1"))
                .path("code").asText());
        assertEquals("text_invalid", a.request(Map.of("type", "send", "room", "general", "text", "x".repeat(2001),
                "id", "2")).path("code").asText());
        assertEquals("sent", a.request(Map.of("type", "send", "room", "general", "text", "x".repeat(2000),
                "id", "3")).path("type").asText());
    }

    @Test
    void aMemberCanBeInSeveralRooms() throws Exception {
        WsClient a = server.joined("general", "Ann");
        a.request(Map.of("type", "join", "room", "grief", "nick", "Ann", "id", "g"));
        WsClient b = server.joined("grief", "Bo");
        b.request(Map.of("type", "send", "room", "grief", "text", "to grief", "id", "s"));
        JsonNode m = a.await("message");
        assertEquals("grief", m.path("room").asText());
    }

    /** The one entry for {@code id} in a {@code rooms} reply (fails when it is missing or repeated). */
    private static JsonNode roomEntry(JsonNode rooms, String id) {
        List<JsonNode> found = new java.util.ArrayList<>();
        rooms.path("rooms").forEach(n -> {
            if (id.equals(n.path("room").asText())) {
                found.add(n);
            }
        });
        assertEquals(1, found.size(), "exactly one entry for " + id + " in " + rooms);
        return found.get(0);
    }
}
