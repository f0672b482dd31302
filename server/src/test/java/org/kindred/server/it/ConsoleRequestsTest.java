package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;
import org.kindred.server.store.AuditEntry;

/** The console's 1.1 requests end to end over real sockets: mod.dismiss, mod.bans, mod.room, features. */
class ConsoleRequestsTest {
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private String alex;
    private String sam;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().bootstrapModerator("alex:correct horse battery");
        server.server().staff().accounts().create("sam", Role.MODERATOR, "another long passphrase");
        alex = Moderators.token(server.port(), "alex", "correct horse battery");
        sam = Moderators.token(server.port(), "sam", "another long passphrase");
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    @Test
    void welcomeListsTheConsoleFeatures() throws Exception {
        WsClient m = server.member();
        JsonNode welcome = m.seenOrAwait("welcome");
        List<String> features = StreamSupport.stream(welcome.path("features").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertTrue(features.containsAll(List.of("mod.bans", "mod.dismiss")), welcome.toString());
    }

    @Test
    void aDismissedReportLeavesTheQueueOfEveryModerator() throws Exception {
        WsClient one = Moderators.watching(server, alex, extra);
        WsClient two = Moderators.watching(server, sam, extra);
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        bo.request(Map.of("type", "send", "room", "general", "text", "You never listen", "id", "s1"));
        String msg = ann.await(n -> "message".equals(n.path("type").asText())
                && "You never listen".equals(n.path("text").asText()), "Bo's message").path("msg").asText();
        JsonNode ok = ann.request(Map.of("type", "report", "room", "general", "msg", msg, "reason", "harassment",
                "id", "r1"));
        String report = ok.path("report").asText();
        assertEquals("open", one.await("mod.report").path("status").asText());
        assertEquals("open", two.await("mod.report").path("status").asText());
        assertEquals(1, queueReports(two).size());

        JsonNode dismissed = one.request(Map.of("type", "mod.dismiss", "report", report, "note", "a disagreement",
                "id", "d1"));
        assertEquals("ok", dismissed.path("type").asText(), dismissed.toString());
        for (WsClient mod : List.of(one, two)) {
            JsonNode update = seenOrAwait(mod, n -> "mod.report".equals(n.path("type").asText())
                    && "dismissed".equals(n.path("status").asText()), "the dismissal");
            assertEquals(report, update.path("report").asText());
            assertTrue(queueReports(mod).isEmpty(), "the report left the queue");
        }
        AuditEntry entry = server.server().store().audit().recent(50).stream()
                .filter(a -> a.action().equals("dismiss_report")).findFirst().orElseThrow();
        assertEquals("alex", entry.actor());
        assertEquals(report, entry.target());

        JsonNode again = two.request(Map.of("type", "mod.dismiss", "report", report, "id", "d2"));
        assertEquals("not_found", again.path("code").asText(), "a report is dismissed once");
        assertEquals("not_found", two.request(Map.of("type", "mod.dismiss", "report", "rep_nope", "id", "d3"))
                .path("code").asText());
        assertEquals("forbidden", ann.request(Map.of("type", "mod.dismiss", "report", report, "id", "d4"))
                .path("code").asText(), "members may not dismiss");
    }

    @Test
    void bansListsTheBansInForceUntilLifted() throws Exception {
        WsClient mod = Moderators.watching(server, alex, extra);
        assertEquals(0, mod.request(Map.of("type", "mod.bans", "id", "b0")).path("bans").size());
        WsClient member = server.member(); // before the bans: every test client shares one network fingerprint
        assertEquals("forbidden", member.request(Map.of("type", "mod.bans", "id", "b3")).path("code").asText());
        WsClient bo = server.joined("general", "Bo");
        WsClient cy = server.joined("general", "Cy");
        String boId = TestServer.welcomeMember(bo);
        String cyId = TestServer.welcomeMember(cy);
        String forever = mod.request(Map.of("type", "mod.ban", "member", boId, "reason", "threats", "id", "x1"))
                .path("ban").asText();
        String day = mod.request(Map.of("type", "mod.ban", "member", cyId, "seconds", 86400, "reason", "spam",
                "id", "x2")).path("ban").asText();
        long now = System.currentTimeMillis();

        JsonNode bans = mod.request(Map.of("type", "mod.bans", "id", "b1"));
        assertEquals("bans", bans.path("type").asText(), bans.toString());
        assertEquals(2, bans.path("bans").size(), bans.toString());
        JsonNode newest = bans.path("bans").get(0);
        JsonNode oldest = bans.path("bans").get(1);
        assertEquals(day, newest.path("ban").asText(), "newest first");
        assertEquals(cyId, newest.path("member").asText());
        assertEquals("Cy", newest.path("nick").asText());
        assertEquals("spam", newest.path("reason").asText());
        assertEquals("alex", newest.path("by").asText());
        long until = newest.path("until").asLong();
        assertTrue(until > now + 86_000_000 && until < now + 86_500_000, "ends in a day: " + until);
        assertEquals(forever, oldest.path("ban").asText());
        assertEquals("Bo", oldest.path("nick").asText());
        assertFalse(oldest.has("until"), "a permanent ban has no end");
        assertTrue(oldest.path("ts").asLong() <= newest.path("ts").asLong());

        assertEquals("ok", mod.request(Map.of("type", "mod.unban", "ban", forever, "id", "u1")).path("type").asText());
        JsonNode after = mod.request(Map.of("type", "mod.bans", "id", "b2"));
        assertEquals(1, after.path("bans").size(), after.toString());
        assertEquals(day, after.path("bans").get(0).path("ban").asText());
    }

    @Test
    void watchersGetLiveRoomCounts() throws Exception {
        WsClient mod = Moderators.watching(server, alex, extra);
        WsClient ann = server.joined("general", "Ann");
        JsonNode joined = mod.await(n -> "mod.room".equals(n.path("type").asText())
                && n.path("members").asInt() == 1, "a count of 1");
        assertEquals("general", joined.path("room").asText());
        assertTrue(joined.path("capacity").asInt() > 0);
        assertFalse(joined.path("locked").asBoolean());
        server.joined("general", "Bo");
        mod.await(n -> "mod.room".equals(n.path("type").asText()) && n.path("members").asInt() == 2, "2");
        ann.request(Map.of("type", "leave", "room", "general", "id", "l1"));
        mod.await(n -> "mod.room".equals(n.path("type").asText()) && n.path("members").asInt() == 1, "back to 1");
        mod.request(Map.of("type", "mod.lock", "room", "general", "locked", true, "id", "k1"));
        seenOrAwait(mod, n -> "mod.room".equals(n.path("type").asText()) && n.path("locked").asBoolean(), "locked");
    }

    @Test
    void theQueueKeepsRecentAlertsSoAReloadedConsoleStillShowsThem() throws Exception {
        WsClient mod = Moderators.watching(server, alex, extra);
        WsClient ann = server.joined("general", "Ann");
        assertEquals("blocked", ann.request(Map.of("type", "send", "room", "general", "text", "k y s", "id", "s1"))
                .path("code").asText());
        JsonNode alert = mod.await("mod.alert");
        WsClient reloaded = Moderators.watching(server, alex, extra);
        JsonNode queue = reloaded.request(Map.of("type", "mod.queue", "id", "q"));
        assertEquals(1, queue.path("alerts").size(), queue.toString());
        assertEquals(alert, queue.path("alerts").get(0));
        assertNotNull(queue.path("alerts").get(0).path("excerpt").asText(null));
    }

    private static JsonNode seenOrAwait(WsClient c, java.util.function.Predicate<JsonNode> p, String what)
            throws InterruptedException {
        for (JsonNode n : List.copyOf(c.seen())) {
            if (p.test(n)) {
                return n;
            }
        }
        return c.await(p, what);
    }

    private static List<JsonNode> queueReports(WsClient mod) throws Exception {
        JsonNode q = mod.request(Map.of("type", "mod.queue", "id", "q" + System.nanoTime()));
        List<JsonNode> out = new ArrayList<>();
        q.path("reports").forEach(out::add);
        return out;
    }
}
