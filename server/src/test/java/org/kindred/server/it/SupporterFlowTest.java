package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.server.store.NewBan;

/**
 * Peer supporters (role {@code supporter}) end to end over real sockets: sign-in, the requests
 * they may use (watch, queue, claim, resolve, reach, close), every other {@code mod.*} request
 * refused with {@code forbidden} and without effect, the events their watch gets, their role on
 * the wire in rooms, and the {@code /metrics} gauge of watching staff.
 */
class SupporterFlowTest {
    private static final String PW = "correct horse battery";
    private static final String IMMINENT = "I have the pills ready and I'm going to take them all tonight";

    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private int ids;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().staff().accounts().create("kit", Role.SUPPORTER, PW);
        server.server().staff().accounts().create("alex", Role.MODERATOR, PW);
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    /** A signed-in staff connection (not yet watching); returns it after its welcome. */
    private WsClient signIn(String name) throws Exception {
        WsClient c = server.connect();
        extra.add(c);
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "auth", Moderators.token(server.port(), name, PW),
                "id", "h"));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        return c;
    }

    private WsClient watching(String name, String... rooms) throws Exception {
        WsClient c = signIn(name);
        JsonNode ok = req(c, Map.of("type", "mod.watch", "rooms", List.of(rooms)));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        return c;
    }

    private JsonNode req(WsClient c, Map<String, ?> m) throws Exception {
        Map<String, Object> withId = new HashMap<>(m);
        withId.put("id", "r" + (++ids));
        return c.request(withId);
    }

    private static JsonNode seenOrAwait(WsClient c, Predicate<JsonNode> p, String what) throws Exception {
        for (JsonNode n : c.seen()) {
            if (p.test(n)) {
                return n;
            }
        }
        return c.await(p, what);
    }

    private static Predicate<JsonNode> type(String t) {
        return n -> t.equals(n.path("type").asText());
    }

    private String escalate(WsClient member, WsClient staff, String room) throws Exception {
        req(member, Map.of("type", "send", "room", room, "text", IMMINENT));
        return staff.await(n -> "mod.escalation".equals(n.path("type").asText())
                && "open".equals(n.path("status").asText()), "an escalation").path("escalation").asText();
    }

    private static String metrics(int port) throws Exception {
        return Moderators.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aSupporterSeesAnEscalationClaimsItAndReachesThePersonPrivately() throws Exception {
        WsClient kit = signIn("kit");
        JsonNode welcome = kit.seenOrAwait("welcome");
        assertEquals("supporter", welcome.path("member").path("role").asText(), welcome.toString());
        assertTrue(welcome.path("features").toString().contains("\"supporters\""), welcome.toString());
        assertEquals("ok", req(kit, Map.of("type", "mod.watch", "rooms", List.of("depression")))
                .path("type").asText());

        WsClient ann = server.joined("depression", "Ann");
        String esc = escalate(ann, kit, "depression");
        JsonNode claimed = req(kit, Map.of("type", "mod.claim", "escalation", esc));
        assertEquals("ok", claimed.path("type").asText(), claimed.toString());
        JsonNode queue = req(kit, Map.of("type", "mod.queue"));
        assertEquals("queue", queue.path("type").asText(), queue.toString());
        assertEquals(esc, queue.path("escalations").get(0).path("escalation").asText());
        assertEquals("kit", queue.path("escalations").get(0).path("claimedBy").asText());

        JsonNode reached = req(kit, Map.of("type", "mod.reach", "escalation", esc));
        assertEquals("ok", reached.path("type").asText(), reached.toString());
        String room = reached.path("room").asText();
        JsonNode invite = ann.await("invite");
        assertEquals(room, invite.path("room").asText());
        assertEquals("supporter", invite.path("from").path("role").asText(), invite.toString());
        assertEquals("Kit", invite.path("from").path("nick").asText());

        JsonNode joined = req(ann, Map.of("type", "join", "room", room));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        assertTrue(joined.path("members").toString().contains("\"supporter\""), joined.toString());
        assertEquals("delivered", req(kit, Map.of("type", "send", "room", room, "text", "I'm here with you"))
                .path("status").asText());
        JsonNode got = ann.await(n -> "message".equals(n.path("type").asText())
                && room.equals(n.path("room").asText()), "the supporter's message");
        assertEquals("supporter", got.path("from").path("role").asText());
        assertEquals("I'm here with you", got.path("text").asText());
        assertEquals("delivered", req(ann, Map.of("type", "send", "room", room, "text", "thank you"))
                .path("status").asText());
        assertEquals("thank you", kit.await(n -> "message".equals(n.path("type").asText())
                && "Ann".equals(n.path("from").path("nick").asText()), "Ann's reply").path("text").asText());

        assertEquals("ok", req(kit, Map.of("type", "mod.close", "room", room)).path("type").asText());
        assertEquals("ok", req(kit, Map.of("type", "mod.resolve", "escalation", esc, "outcome", "handed_off"))
                .path("type").asText());
        assertTrue(req(kit, Map.of("type", "mod.queue")).path("escalations").isEmpty(), "resolved");
    }

    @Test
    void everyOtherStaffRequestIsForbiddenAndChangesNothing() throws Exception {
        WsClient kit = watching("kit", "*");
        WsClient alex = watching("alex", "*");
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        String annId = TestServer.welcomeMember(ann);
        String msg = req(bo, Map.of("type", "send", "room", "general", "text", "You never listen")).path("msg")
                .asText();
        String report = req(ann, Map.of("type", "report", "room", "general", "msg", msg, "reason", "harassment"))
                .path("report").asText();
        server.server().staff().review().hold("general", "m_held1", new MemberInfo(annId, "Ann", Role.MEMBER),
                "see my site example.org", List.of("link"));
        alex.await("mod.held");
        long now = System.currentTimeMillis();
        String ban = server.server().staff().bans().add(new NewBan("u_elsewhere", "fp-elsewhere", "spam", "alex",
                now, now + 600_000)).id();

        Map<String, Map<String, Object>> forbidden = new LinkedHashMap<>();
        forbidden.put("mod.delete", Map.of("room", "general", "msg", msg));
        forbidden.put("mod.mute", Map.of("room", "general", "member", annId, "seconds", 60));
        forbidden.put("mod.unmute", Map.of("room", "general", "member", annId));
        forbidden.put("mod.kick", Map.of("room", "general", "member", annId));
        forbidden.put("mod.ban", Map.of("member", annId, "reason", "spam"));
        forbidden.put("mod.unban", Map.of("ban", ban));
        forbidden.put("mod.slow", Map.of("room", "general", "seconds", 30));
        forbidden.put("mod.lock", Map.of("room", "general", "locked", true));
        forbidden.put("mod.approve", Map.of("room", "general", "msg", "m_held1"));
        forbidden.put("mod.reject", Map.of("room", "general", "msg", "m_held1"));
        forbidden.put("mod.bans", Map.of());
        forbidden.put("mod.dismiss", Map.of("report", report));
        for (Map.Entry<String, Map<String, Object>> e : forbidden.entrySet()) {
            Map<String, Object> m = new HashMap<>(e.getValue());
            m.put("type", e.getKey());
            JsonNode r = req(kit, m);
            assertEquals("error", r.path("type").asText(), e.getKey() + ": " + r);
            assertEquals("forbidden", r.path("code").asText(), e.getKey() + ": " + r);
        }

        // Nothing happened: Ann still talks in an open, unhurried room; the rest is still there for a moderator.
        assertEquals("delivered", req(ann, Map.of("type", "send", "room", "general", "text", "still here"))
                .path("status").asText());
        assertEquals("delivered", req(ann, Map.of("type", "send", "room", "general", "text", "and again"))
                .path("status").asText(), "no slow mode");
        JsonNode late = server.joined("general", "Dee").seenOrAwait("joined");
        assertTrue(late.path("history").toString().contains(msg), "not deleted: " + late);
        JsonNode modQueue = req(alex, Map.of("type", "mod.queue"));
        assertEquals(1, modQueue.path("held").size(), "neither approved nor rejected: " + modQueue);
        assertEquals(1, modQueue.path("reports").size(), "not dismissed: " + modQueue);
        JsonNode bans = req(alex, Map.of("type", "mod.bans"));
        // the ban was made through node 0: spread, alex's node learns it within the cluster's second
        for (long until = System.currentTimeMillis() + 2_000; bans.path("bans").size() == 0
                && server.nodes() > 1 && System.currentTimeMillis() < until; ) {
            Thread.sleep(50);
            bans = req(alex, Map.of("type", "mod.bans"));
        }
        assertEquals(1, bans.path("bans").size(), "not lifted: " + bans);
        // …and the same requests are a moderator's to make.
        assertEquals("ok", req(alex, Map.of("type", "mod.delete", "room", "general", "msg", msg)).path("type")
                .asText());
        assertEquals("ok", req(alex, Map.of("type", "mod.dismiss", "report", report)).path("type").asText());
    }

    @Test
    void aSupportersWatchAndQueueHoldOnlyEscalationsAndReports() throws Exception {
        WsClient kit = watching("kit", "*");
        WsClient alex = watching("alex", "*");
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        assertEquals("held", req(ann, Map.of("type", "send", "room", "general",
                "text", "this helped me: https://example.org/breathing")).path("status").asText());
        assertEquals("blocked", req(bo, Map.of("type", "send", "room", "general", "text", "k y s")).path("code")
                .asText());
        String msg = req(ann, Map.of("type", "send", "room", "general", "text", "You never listen")).path("msg")
                .asText();
        req(bo, Map.of("type", "report", "room", "general", "msg", msg, "reason", "harassment"));
        escalate(ann, alex, "general");

        for (String kind : List.of("mod.room", "mod.held", "mod.alert", "mod.report", "mod.escalation")) {
            seenOrAwait(alex, type(kind), "the moderator's " + kind);
        }
        seenOrAwait(kit, type("mod.report"), "the supporter's report");
        seenOrAwait(kit, type("mod.escalation"), "the supporter's escalation");
        JsonNode kitQueue = req(kit, Map.of("type", "mod.queue"));
        Set<String> kinds = new TreeSet<>();
        for (JsonNode n : kit.seen()) {
            if (n.path("type").asText().startsWith("mod.")) {
                kinds.add(n.path("type").asText());
            }
        }
        assertEquals(Set.of("mod.escalation", "mod.report"), kinds, "the supporter's events");
        assertEquals(1, kitQueue.path("escalations").size(), kitQueue.toString());
        assertEquals(1, kitQueue.path("reports").size(), kitQueue.toString());
        assertTrue(kitQueue.path("held").isEmpty(), "no held messages: " + kitQueue);
        assertTrue(kitQueue.path("alerts").isEmpty(), "no alerts: " + kitQueue);
        JsonNode modQueue = req(alex, Map.of("type", "mod.queue"));
        assertEquals(1, modQueue.path("held").size(), modQueue.toString());
        assertFalse(modQueue.path("alerts").isEmpty(), modQueue.toString());
    }

    @Test
    void inRoomsASupporterCarriesTheSupporterRole() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient kit = signIn("kit");
        JsonNode joined = req(kit, Map.of("type", "join", "room", "general", "nick", "Kit"));
        assertEquals("supporter", joined.path("you").path("role").asText(), joined.toString());
        JsonNode presence = ann.await("presence");
        assertEquals("supporter", presence.path("member").path("role").asText(), presence.toString());
        req(kit, Map.of("type", "send", "room", "general", "text", "Hello all, I'm around if you want to talk"));
        JsonNode m = ann.await(n -> "message".equals(n.path("type").asText())
                && "Kit".equals(n.path("from").path("nick").asText()), "Kit's message");
        assertEquals("supporter", m.path("from").path("role").asText(), m.toString());
        JsonNode bo = req(server.member(), Map.of("type", "join", "room", "general", "nick", "Bo"));
        JsonNode kitThere = null;
        for (JsonNode n : bo.path("members")) {
            if ("Kit".equals(n.path("nick").asText())) {
                kitThere = n;
            }
        }
        assertEquals("supporter", kitThere == null ? null : kitThere.path("role").asText(), bo.toString());
    }

    @Test
    void metricsCountWatchingStaffByRole() throws Exception {
        assertEquals(0.0, watching("supporter"), "none yet");
        WsClient kit = watching("kit", "*");
        watching("alex", "general");
        assertEquals(1.0, watching("supporter"));
        assertEquals(1.0, watching("moderator"));
        assertEquals(0.0, watching("admin"));
        kit.close();
        long deadline = System.currentTimeMillis() + 5000;
        while (watching("supporter") != 0.0) {
            assertTrue(System.currentTimeMillis() < deadline, "the gauge drops when the supporter leaves");
            Thread.sleep(50);
        }
    }

    /** {@code kindred_staff_watching} of {@code role}, added up over the nodes (each counts its own staff). */
    private double watching(String role) throws Exception {
        String name = "kindred_staff_watching{role=\"" + role + "\"} ";
        double sum = 0;
        for (int i = 0; i < server.nodes(); i++) {
            String body = metrics(server.port(i));
            sum += body.lines().filter(l -> l.startsWith(name)).mapToDouble(l -> Double.parseDouble(
                    l.substring(name.length()).strip())).findFirst().orElseThrow(() -> new AssertionError(name + body));
        }
        return sum;
    }
}
