package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;
import org.kindred.server.store.AuditEntry;

/** The warm hand-off (mod.reach, invite, join/leave, mod.close) end to end over real sockets. */
class HandOffFlowTest {
    private static final String PW = "correct horse battery";
    private static final String IMMINENT = "I have the pills ready and I'm going to take them all tonight";

    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private int ids;
    /** The notices {@link #notice} returned already (by identity), so each is returned once. */
    private final java.util.Set<JsonNode> noticed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().staff().accounts().create("alex", Role.MODERATOR, PW);
        server.server().staff().accounts().create("sam", Role.MODERATOR, PW);
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private WsClient moderator(String name) throws Exception {
        return Moderators.watching(server, Moderators.token(server.port(), name, PW), extra);
    }

    private JsonNode req(WsClient c, Map<String, ?> m) throws Exception {
        Map<String, Object> withId = new HashMap<>(m);
        withId.put("id", "r" + (++ids));
        return c.request(withId);
    }

    private static String id(WsClient c) {
        return TestServer.welcomeMember(c);
    }

    /** The member writes something imminent; returns the escalation id the moderator saw. */
    private String escalate(WsClient member, WsClient mod, String room) throws Exception {
        req(member, Map.of("type", "send", "room", room, "text", IMMINENT));
        return mod.await(n -> "mod.escalation".equals(n.path("type").asText())
                && "open".equals(n.path("status").asText()), "an escalation").path("escalation").asText();
    }

    /**
     * The first {@code notice} of {@code code} that {@code c} received and no earlier call returned:
     * one that arrived while a request waited for its reply (which passes over other events) counts
     * too; else the next to arrive.
     */
    private JsonNode notice(WsClient c, String code) throws InterruptedException {
        java.util.function.Predicate<JsonNode> p = n -> "notice".equals(n.path("type").asText())
                && code.equals(n.path("code").asText()) && !noticed.contains(n);
        JsonNode found = List.copyOf(c.seen()).stream().filter(p).findFirst().orElse(null);
        if (found == null) {
            found = c.await(p, "notice " + code);
        }
        noticed.add(found);
        return found;
    }

    /**
     * An invitation made while the member's connection was away is replayed on resume in the
     * language of the connection it is replayed on, not the one the session had when it was made.
     */
    @Test
    void anInviteReplayedOnResumeSpeaksTheResumingConnectionsLanguage() throws Exception {
        WsClient mod = moderator("alex");
        WsClient ana = server.connect();
        extra.add(ana);
        assertEquals("welcome", ana.request(Map.of("type", "hello", "v", 1, "locale", "es-ES", "id", "h"))
                .path("type").asText());
        assertEquals("joined", req(ana, Map.of("type", "join", "room", "depression", "nick", "Ana"))
                .path("type").asText());
        String member = id(ana);
        String resume = TestServer.welcomeSession(ana);
        ana.drop();
        Thread.sleep(200);
        assertEquals("ok", req(mod, Map.of("type", "mod.reach", "member", member)).path("type").asText());

        WsClient de = server.connect();
        extra.add(de);
        assertEquals("welcome", de.request(Map.of("type", "hello", "v", 1, "locale", "de-DE", "resume", resume,
                "id", "h2")).path("type").asText());
        JsonNode invite = de.await("invite");
        String text = invite.path("text").asText();
        assertTrue(text.startsWith("Hallo, ich bin ") || text.contains("privat"), text);
        assertEquals(org.kindred.server.i18n.ServerText.get().text("handoff.invite", "de", Map.of(
                "nick", invite.path("from").path("nick").asText(),
                "title", org.kindred.server.i18n.ServerText.get().text("handoff.title.moderator", "de"))), text);
        assertFalse(text.contains("\u0000"), "no sentence token reaches a client");
    }

    @Test
    void reachByEscalationInvitesTheMemberWhoAcceptsAndBothTalk() throws Exception {
        WsClient mod = moderator("alex");
        WsClient ann = server.joined("depression", "Ann");
        assertTrue(ann.seen().get(0).path("features").toString().contains("reach"), "welcome.features");
        String esc = escalate(ann, mod, "depression");
        JsonNode seenEsc = mod.seen().stream().filter(n -> esc.equals(n.path("escalation").asText())).findFirst()
                .orElseThrow();
        assertEquals("Ann", seenEsc.path("current").path("nick").asText(), "the console names the person");
        assertEquals("depression", seenEsc.path("current").path("room").asText());
        assertTrue(seenEsc.path("current").path("online").asBoolean());
        assertEquals("ok", req(mod, Map.of("type", "mod.claim", "escalation", esc)).path("type").asText());
        JsonNode queued = req(mod, Map.of("type", "mod.queue")).path("escalations").get(0);
        assertEquals("Ann", queued.path("current").path("nick").asText(), "the queue names the person too");

        JsonNode ok = req(mod, Map.of("type", "mod.reach", "escalation", esc));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        String room = ok.path("room").asText();
        assertTrue(room.startsWith("private-"), room);

        JsonNode invite = ann.await("invite");
        assertEquals(room, invite.path("room").asText());
        assertEquals(esc, invite.path("escalation").asText());
        assertEquals(id(mod), invite.path("from").path("id").asText());
        assertEquals("Alex", invite.path("from").path("nick").asText());
        assertEquals("moderator", invite.path("from").path("role").asText());
        assertTrue(invite.path("text").asText().contains("okay to say no"), invite.path("text").asText());
        assertFalse(invite.has("id"), "an event");

        for (WsClient c : List.of(ann, mod)) {
            JsonNode rooms = req(c, Map.of("type", "rooms"));
            assertFalse(rooms.toString().contains(room), "never listed: " + rooms);
        }
        HttpResponse<String> api = Moderators.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/rooms")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(api.body().contains("private-"), api.body());

        JsonNode joined = req(ann, Map.of("type", "join", "room", room));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        assertEquals("Ann", joined.path("you").path("nick").asText(), "keeps the nickname the moderator saw");
        assertEquals(2, joined.path("members").size());
        assertEquals(0, joined.path("history").size());
        JsonNode presence = mod.await("presence");
        assertEquals(room, presence.path("room").asText());
        assertEquals("join", presence.path("event").asText());

        JsonNode sent = req(ann, Map.of("type", "send", "room", room, "text", "thank you for reaching out"));
        assertEquals("delivered", sent.path("status").asText());
        assertEquals("thank you for reaching out", mod.await("message").path("text").asText());

        String lines = "You can call Kids Help Phone at 1-800-668-6868, Lifeline on 13 11 14, text HOME to 741741, "
                + "or see https://kidshelpphone.ca/ and https://www.pieta.ie/ any time.";
        JsonNode modSent = req(mod, Map.of("type", "send", "room", room, "text", lines));
        assertEquals("delivered", modSent.path("status").asText(), "crisis lines stay visible: " + modSent);
        JsonNode got = ann.await(n -> "message".equals(n.path("type").asText())
                && id(mod).equals(n.path("from").path("id").asText()), "the moderator's message");
        assertEquals(lines, got.path("text").asText());
        assertEquals("moderator", got.path("from").path("role").asText());

        JsonNode masked = req(ann, Map.of("type", "send", "room", room, "text", "my number is 07700 900 123"));
        assertEquals("masked", masked.path("status").asText(), "moderation applies in private too");
        assertFalse(mod.await("message").path("text").asText().contains("900 123"));

        WsClient third = server.joined("general", "Cy");
        JsonNode refused = req(third, Map.of("type", "join", "room", room));
        assertEquals("not_found", refused.path("code").asText(), "nobody else gets in");
        WsClient otherMod = moderator("sam");
        assertEquals("not_found", req(otherMod, Map.of("type", "join", "room", room)).path("code").asText());
        assertEquals("not_found", req(otherMod, Map.of("type", "mod.close", "room", room)).path("code").asText());
        assertEquals("already_in_room", req(ann, Map.of("type", "join", "room", room)).path("code").asText());
    }

    @Test
    void reachByMemberAndRiskInThePrivateRoomRaisesAnEscalation() throws Exception {
        WsClient mod = moderator("alex");
        WsClient bo = server.joined("general", "Bo");
        JsonNode ok = req(mod, Map.of("type", "mod.reach", "member", id(bo)));
        String room = ok.path("room").asText();
        JsonNode invite = bo.await("invite");
        assertFalse(invite.has("escalation"), "no escalation named");
        assertEquals("joined", req(bo, Map.of("type", "join", "room", room, "nick", "Bo B")).path("type").asText());
        JsonNode sent = req(bo, Map.of("type", "send", "room", room, "text", IMMINENT));
        assertEquals("delivered", sent.path("status").asText(), "never silenced");
        JsonNode card = bo.seenOrAwait("crisis");
        assertEquals("imminent", card.path("level").asText());
        JsonNode esc = mod.await("mod.escalation");
        assertEquals(room, esc.path("room").asText());
        assertEquals(id(bo), esc.path("member").asText());
        assertEquals("Bo B", esc.path("current").path("nick").asText(), "its nickname in the private room");

        // the staff member asking about means is the response, not a risk of their own
        JsonNode ask = req(mod, Map.of("type", "send", "room", room,
                "text", "Are you safe right now? Do you have the pills with you?"));
        assertEquals("delivered", ask.path("status").asText());
        bo.await(n -> "message".equals(n.path("type").asText()) && id(mod).equals(n.path("from").path("id").asText()),
                "the question");
        req(mod, Map.of("type", "rooms")); // a round trip after the send: any card would have come by now
        Thread.sleep(300);
        while (mod.poll(100) != null) {
            // drain
        }
        assertTrue(mod.seen().stream().noneMatch(n -> "crisis".equals(n.path("type").asText())), "no card for staff");
        // an escalation about the moderator would be published by the moderator's node, before the
        // update of a claim made there after the question, which takes the same path to the console
        assertEquals("ok", req(mod, Map.of("type", "mod.claim", "escalation", esc.path("escalation").asText()))
                .path("type").asText());
        java.util.function.Predicate<JsonNode> claimed = n -> "mod.escalation".equals(n.path("type").asText())
                && "claimed".equals(n.path("status").asText());
        if (mod.seen().stream().noneMatch(claimed)) { // on one node it may come before the claim's ok
            mod.await(claimed, "the claim");
        }
        assertEquals(java.util.Set.of(esc.path("escalation").asText()), mod.seen().stream()
                .filter(n -> "mod.escalation".equals(n.path("type").asText()))
                .map(n -> n.path("escalation").asText()).collect(java.util.stream.Collectors.toSet()),
                "no escalation about the moderator");
    }

    @Test
    void declineTellsTheStaffMemberAndEndsTheRoom() throws Exception {
        WsClient mod = moderator("alex");
        WsClient ann = server.joined("anxiety", "Ann");
        String room = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        ann.await("invite");
        assertEquals("ok", req(ann, Map.of("type", "leave", "room", room)).path("type").asText());
        JsonNode declined = notice(mod, "declined");
        assertEquals(room, declined.path("room").asText());
        assertEquals("not_found", req(ann, Map.of("type", "join", "room", room)).path("code").asText(),
                "a declined invitation cannot be taken up later");
        assertEquals("not_found", req(mod, Map.of("type", "send", "room", room, "text", "hi")).path("code").asText());
        assertEquals(0, server.server().staff().handOff().open());
    }

    @Test
    void eachSideReadsTheHandOffInItsOwnLanguage() throws Exception {
        // A moderator whose console is in German reaches a member whose page is in French.
        WsClient mod = server.connect();
        extra.add(mod);
        String token = Moderators.token(server.port(), "alex", PW);
        assertEquals("welcome", mod.request(Map.of("type", "hello", "v", 1, "auth", token, "locale", "de-DE",
                "id", "mh")).path("type").asText());
        WsClient ann = server.connect();
        extra.add(ann);
        assertEquals("welcome", ann.request(Map.of("type", "hello", "v", 1, "locale", "fr-FR", "id", "h"))
                .path("type").asText());
        assertEquals("joined", req(ann, Map.of("type", "join", "room", "anxiety", "nick", "Ann")).path("type").asText());

        String room = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        String invite = ann.await("invite").path("text").asText();
        assertTrue(invite.startsWith("Bonjour, je suis Alex, de l'équipe de modération chez Kindred."), invite);
        assertTrue(invite.contains("Vous pouvez tout à fait dire non."), "vous, as the crisis card says it: " + invite);
        req(ann, Map.of("type", "leave", "room", room));
        assertTrue(notice(mod, "declined").path("text").asText().startsWith("Die Person möchte gerade nicht privat"),
                "the moderator's notice in German");

        String again = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        ann.await("invite");
        req(ann, Map.of("type", "join", "room", again));
        req(mod, Map.of("type", "mod.close", "room", again));
        assertEquals("Das private Gespräch ist beendet.", notice(mod, "closed").path("text").asText());
        assertTrue(notice(ann, "closed").path("text").asText().startsWith("Cette conversation privée est terminée."));
    }

    @Test
    void modCloseEndsItForBothAndAuditsWithoutText() throws Exception {
        WsClient mod = moderator("alex");
        WsClient ann = server.joined("anxiety", "Ann");
        String room = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        ann.await("invite");
        req(ann, Map.of("type", "join", "room", room));
        String secret = "this is something only the moderator should read";
        req(ann, Map.of("type", "send", "room", room, "text", secret));
        assertEquals("ok", req(mod, Map.of("type", "mod.close", "room", room)).path("type").asText());
        assertEquals(room, notice(mod, "closed").path("room").asText());
        JsonNode closed = notice(ann, "closed");
        assertTrue(closed.path("text").asText().contains("ended"), closed.toString());
        assertEquals("not_found", req(ann, Map.of("type", "send", "room", room, "text", "hello?")).path("code")
                .asText(), "the room is gone");
        assertEquals("not_found", req(mod, Map.of("type", "mod.close", "room", room)).path("code").asText());

        List<AuditEntry> audit = awaitAudit("reach_closed");
        List<String> actions = audit.stream().map(AuditEntry::action).toList();
        assertTrue(actions.containsAll(List.of("reach", "reach_accepted", "reach_closed")), actions.toString());
        for (AuditEntry a : audit) {
            if (a.action().startsWith("reach")) {
                assertEquals(id(ann), a.target());
                assertEquals(room, a.room());
            }
            assertFalse(String.valueOf(a).contains("only the moderator"), "never the text: " + a);
        }
        assertEquals("alex", audit.stream().filter(a -> a.action().equals("reach_closed")).findFirst()
                .orElseThrow().actor());
    }

    @Test
    void eitherSideLeavingEndsItAndTheOtherHearsClosed() throws Exception {
        WsClient mod = moderator("alex");
        WsClient ann = server.joined("anxiety", "Ann");
        String room = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        ann.await("invite");
        JsonNode joined = req(ann, Map.of("type", "join", "room", room));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        JsonNode left = req(ann, Map.of("type", "leave", "room", room));
        assertEquals("ok", left.path("type").asText(), left.toString());
        notice(mod, "closed");
        notice(ann, "closed");

        String second = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        assertNotEquals(room, second, "a new conversation gets a new room");
        ann.await(n -> "invite".equals(n.path("type").asText()) && second.equals(n.path("room").asText()), "invite");
        JsonNode joinedSecond = req(ann, Map.of("type", "join", "room", second));
        assertEquals("joined", joinedSecond.path("type").asText(), joinedSecond.toString());
        JsonNode staffLeft = req(mod, Map.of("type", "leave", "room", second));
        assertEquals("ok", staffLeft.path("type").asText(), staffLeft.toString());
        assertEquals(second, notice(ann, "closed").path("room").asText());
    }

    @Test
    void theMembersSessionEndingClosesItForTheStaffMember() throws Exception {
        WsClient mod = moderator("alex");
        WsClient sam = moderator("sam");
        WsClient ann = server.joined("anxiety", "Ann");
        String room = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        ann.await("invite");
        req(ann, Map.of("type", "join", "room", room));
        assertEquals("ok", req(sam, Map.of("type", "mod.ban", "member", id(ann), "reason", "test", "seconds", 60))
                .path("type").asText());
        assertEquals(room, notice(mod, "closed").path("room").asText());
        assertEquals(0, server.server().staff().handOff().open());
        assertEquals("reach_closed", awaitAudit("reach_closed").stream().filter(a -> a.action().startsWith("reach_c"))
                .findFirst().orElseThrow().action());
    }

    @Test
    void refusals() throws Exception {
        WsClient mod = moderator("alex");
        WsClient sam = moderator("sam");
        WsClient ann = server.joined("anxiety", "Ann");
        WsClient bo = server.joined("anxiety", "Bo");
        JsonNode forbidden = req(bo, Map.of("type", "mod.reach", "member", id(ann)));
        assertEquals("forbidden", forbidden.path("code").asText(), "members can't reach anyone");
        assertEquals("forbidden", req(bo, Map.of("type", "mod.close", "room", "private-x")).path("code").asText());
        assertEquals("not_found", req(mod, Map.of("type", "mod.reach", "escalation", "esc_nope")).path("code")
                .asText());
        assertEquals("not_found", req(mod, Map.of("type", "mod.reach", "member", "u_nobody")).path("code").asText());
        assertEquals("forbidden", req(mod, Map.of("type", "mod.reach", "member", id(sam))).path("code").asText());
        assertEquals("bad_request", req(mod, Map.of("type", "mod.reach")).path("code").asText());

        String room = req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        assertEquals(room, req(mod, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText(),
                "reaching again: the same room, invited again");
        WsClient alexAgain = moderator("alex"); // the same moderator from a new console: takes over
        String again = req(alexAgain, Map.of("type", "mod.reach", "member", id(ann))).path("room").asText();
        assertNotEquals(room, again);
        assertEquals(room, notice(mod, "closed").path("room").asText(), "the old console's conversation ends");
        ann.await(n -> "invite".equals(n.path("type").asText()) && again.equals(n.path("room").asText()), "invite");
        JsonNode taken = req(sam, Map.of("type", "mod.reach", "member", id(ann)));
        assertEquals("forbidden", taken.path("code").asText(), "one private conversation per person");
        assertTrue(taken.path("message").asText().contains("alex"), taken.toString());
        // another moderator cannot break the conversation from outside it (its id shows in escalations)
        for (Map<String, Object> outside : List.<Map<String, Object>>of(
                Map.of("type", "mod.kick", "room", again, "member", id(ann), "seconds", 600),
                Map.of("type", "mod.mute", "room", again, "member", id(ann), "seconds", 600),
                Map.of("type", "mod.lock", "room", again, "locked", true),
                Map.of("type", "mod.slow", "room", again, "seconds", 30),
                Map.of("type", "mod.delete", "room", again, "msg", "m_x"))) {
            assertEquals("not_found", req(sam, outside).path("code").asText(), "from outside: " + outside);
        }
        JsonNode stillOpen = req(ann, Map.of("type", "join", "room", again));
        assertEquals("joined", stillOpen.path("type").asText(), "the invitation still stands: " + stillOpen);

        String gone = req(mod, Map.of("type", "mod.reach", "member", id(bo))).path("room").asText();
        bo.await("invite");
        bo.close();
        server.serverOf(bo).sessions().byMember(id(bo)).ifPresent(s -> server.serverOf(bo).sessions().end(s));
        notice(mod, "closed");
        JsonNode offline = req(mod, Map.of("type", "mod.reach", "member", id(bo)));
        assertEquals("not_found", offline.path("code").asText(), "nobody to reach once the session ended");
        assertTrue(offline.path("message").asText().contains("no longer connected"), offline.toString());
        assertFalse(gone.isEmpty());
    }

    private List<AuditEntry> awaitAudit(String action) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<AuditEntry> all = server.server().store().audit().recent(200);
            if (all.stream().anyMatch(a -> a.action().equals(action))) {
                return all;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no audit entry " + action);
    }
}
