package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.store.AuditEntry;

/** Each moderation outcome of PROTOCOL.md over a real socket. */
class ModerationFlowTest {
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private WsClient moderator() throws Exception {
        server.server().bootstrapModerator("alex:correct horse battery");
        return Moderators.watching(server, Moderators.token(server.port(), "alex", "correct horse battery"),
                extra);
    }

    private static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
    }

    @Test
    void benignMessagesThatLookAlikeAreDeliveredUntouched() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("general", "Ann");
        String text = "My therapist in Scunthorpe suggested a class assignment about cocktail recipes";
        JsonNode sent = send(a, "general", text, "1");
        assertEquals("delivered", sent.path("status").asText());
        assertEquals(text, a.await("message").path("text").asText());
    }

    @Test
    void profanityAndItsEvasionsAreMaskedForEveryone() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        // three different sentences: the same one three times would be a flood
        for (String text : List.of("this week has been fucking awful", "this month has been f.u.c.k.i.n.g awful",
                "this year has been fμck1ng awful")) {
            JsonNode sent = send(a, "general", text, "m");
            assertEquals("masked", sent.path("status").asText(), text);
            String delivered = sent.path("text").asText();
            String before = text.substring(0, text.indexOf(" been ") + " been ".length());
            assertTrue(delivered.startsWith(before) && delivered.endsWith(" awful"), delivered);
            assertTrue(delivered.contains("*"), delivered);
            assertEquals(delivered, b.await("message").path("text").asText(), "the room gets the masked text");
        }
    }

    @Test
    void contactDetailsAreHiddenWithANoticeThatExplainsWhy() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("anxiety", "Ann");
        JsonNode sent = send(a, "anxiety", "text me on 07700 900123 or mail ann.smith@example.com", "c");
        assertEquals("masked", sent.path("status").asText());
        assertFalse(sent.path("text").asText().contains("900123"));
        assertFalse(sent.path("text").asText().contains("example.com"));
        JsonNode notice = a.await("notice");
        assertEquals("masked", notice.path("code").asText());
        assertTrue(notice.path("text").asText().toLowerCase().contains("anonym"), notice.toString());
        JsonNode crisisLine = send(a, "anxiety", "you can call 116 123 any time, they helped me", "c2");
        assertEquals("delivered", crisisLine.path("status").asText(), "crisis lines are never hidden");
    }

    /** Issue 12: name-calling is hidden and only its writer is warned; self-talk goes through untouched. */
    @Test
    void insultsAreHiddenAndOnlyTheirWriterIsWarned() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        JsonNode sent = send(a, "general", "shut up you stupid idiot", "i1");
        assertEquals("masked", sent.path("status").asText());
        assertEquals("shut up you ****** *****", sent.path("text").asText());
        JsonNode notice = a.await("notice");
        assertEquals("warned", notice.path("code").asText());
        assertEquals("general", notice.path("room").asText());
        assertEquals("shut up you ****** *****", b.await("message").path("text").asText());
        JsonNode self = send(b, "general", "i feel like such an idiot today", "i2");
        assertEquals("delivered", self.path("status").asText(), "self-talk is not an insult");
        TestServer.typingReached(a, b, "general"); // after Ann's warning, on her node's path to Bo
        assertTrue(b.seen().stream().noneMatch(n -> "notice".equals(n.path("type").asText())),
                "nobody but the writer hears about a warning");
        JsonNode contact = send(a, "general", "or text me five five five two oh three one two three four, t.me/ann_x", "i3");
        assertEquals("masked", contact.path("status").asText());
        assertEquals("or text me " + "*".repeat(46) + ", " + "*".repeat(10), contact.path("text").asText());
    }

    @Test
    void mentioningSomeoneInTheRoomIsNotAHiddenHandle() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("anxiety", "Ann");
        WsClient b = server.joined("anxiety", "Quiet Owl");
        JsonNode sent = send(b, "anxiety", "@Ann thank you for sharing that", "m1");
        assertEquals("delivered", sent.path("status").asText());
        assertEquals("@Ann thank you for sharing that", a.seenOrAwait("message").path("text").asText());
        JsonNode back = send(a, "anxiety", "@quiet owl you're welcome", "m2");
        assertEquals("delivered", back.path("status").asText(), "nicknames with spaces, any case");
        JsonNode handle = send(b, "anxiety", "or follow @ann_art_99 on insta", "m3");
        assertEquals("masked", handle.path("status").asText(), "a handle that is not a member's nickname");
        assertFalse(handle.path("text").asText().contains("ann_art_99"));
    }

    @Test
    void linksFromNewMembersAreHeldForReview() throws Exception {
        server = new TestServer();
        WsClient mod = moderator();
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        JsonNode sent = send(a, "general", "this helped me: https://example.org/breathing", "l");
        assertEquals("held", sent.path("status").asText());
        JsonNode held = mod.await("mod.held");
        assertEquals(sent.path("msg").asText(), held.path("msg").asText());
        assertTrue(held.path("categories").toString().contains("link"));
        assertEquals("delivered", send(a, "general", "you can also try https://www.samaritans.org", "l2")
                .path("status").asText(), "allow-listed crisis sites pass");
        // Ann's next message is the first Bo gets: a held one delivered would have come before it
        // (a reply to Bo's own request proves nothing about Ann's, which may come from another node)
        JsonNode first = b.await("message");
        assertTrue(first.path("text").asText().contains("samaritans"), "nothing reaches the room before approval: "
                + first);
    }

    @Test
    void threatsAndHarassmentAreBlockedWithAReasonAndModeratorsAlerted() throws Exception {
        server = new TestServer();
        WsClient mod = moderator();
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        JsonNode e = send(a, "general", "k y s", "b1");
        assertEquals("blocked", e.path("code").asText());
        assertTrue(e.path("message").asText().length() > 20, "a reason a person understands");
        JsonNode alert = mod.await("mod.alert");
        assertEquals(TestServer.welcomeMember(a), alert.path("member").asText());
        assertFalse(alert.path("categories").isEmpty());
        assertEquals("blocked", send(a, "general", "I know where you live and I will hurt you", "b2")
                .path("code").asText());
        // Ann's next delivered message is the first Bo gets: a blocked one delivered would have come before it
        assertEquals("delivered", send(a, "general", "sorry, that was out of line", "d1").path("status").asText());
        JsonNode first = b.await("message");
        assertEquals("sorry, that was out of line", first.path("text").asText(), "blocked messages reach nobody");
        // Audit writes run on the store executor after the reply: wait for it (bounded) rather than race it.
        Set<String> audit = Set.of();
        for (long end = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < end; Thread.sleep(20)) {
            audit = server.server().store().audit().recent(50).stream().map(AuditEntry::action)
                    .collect(Collectors.toSet());
            if (audit.contains("auto_block")) {
                break;
            }
        }
        assertTrue(audit.contains("auto_block"), audit.toString());
    }

    @Test
    void repeatedSevereViolationsMuteAutomatically() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("general", "Ann");
        for (String t : List.of("kys", "go kill yourself", "neck yourself")) {
            send(a, "general", t, "x");
        }
        JsonNode muted = a.await(n -> "notice".equals(n.path("type").asText())
                && "muted".equals(n.path("code").asText()), "automatic mute");
        assertTrue(muted.path("text").asText().length() > 10);
        JsonNode e = send(a, "general", "hello?", "after");
        assertEquals("muted", e.path("code").asText());
        assertTrue(e.path("retryAfterMs").asLong() > 0);
    }

    @Test
    void firstPersonDistressIsNeverBlockedAndGetsHelp() throws Exception {
        server = new TestServer();
        WsClient a = server.joined("depression", "Ann");
        JsonNode sent = send(a, "depression", "honestly I want to kill myself", "d");
        assertEquals("delivered", sent.path("status").asText());
        assertEquals("high", a.seenOrAwait("crisis").path("level").asText());
    }

    @Test
    void messagesFasterThanTheRateAreRefusedWithRetryAfter() throws Exception {
        server = new TestServer(b -> b.ratePerSec(1).burst(5));
        WsClient a = server.joined("general", "Ann");
        JsonNode last = null;
        for (int i = 0; i < 6; i++) {
            last = send(a, "general", "message number " + i, "r" + i);
        }
        assertEquals("rate_limited", last.path("code").asText());
        assertTrue(last.path("retryAfterMs").asLong() > 0);
        JsonNode welcome = a.seen().get(0);
        assertEquals(5, welcome.path("limits").path("burst").asInt(), "the announced limit is the enforced one");
    }

    @Test
    void floodsOfTheSameTextAreStopped() throws Exception {
        // a burst far above the three messages sent, so only the flood rule (3 alike within the window) can act
        server = new TestServer(b -> b.burst(50));
        WsClient a = server.joined("general", "Ann");
        assertEquals("delivered", send(a, "general", "buy cheap followers now", "f0").path("status").asText());
        assertEquals("delivered", send(a, "general", "Buy cheap followers now!", "f1").path("status").asText());
        JsonNode third = send(a, "general", "buy  cheap followers now", "f2");
        assertEquals("error", third.path("type").asText(), third.toString());
        assertEquals("blocked", third.path("code").asText(), third.toString());
        assertTrue(third.path("message").asText().contains("the same thing several times"), third.toString());
        assertEquals("delivered", send(a, "general", "sorry, something else", "f3").path("status").asText(),
                "other text still goes through");
    }

    @Test
    void abusiveNicknamesAreRefused() throws Exception {
        server = new TestServer();
        WsClient a = server.member();
        assertEquals("nick_invalid", a.request(Map.of("type", "join", "room", "general", "nick", "fuckface",
                "id", "n")).path("code").asText());
        assertEquals("joined", a.request(Map.of("type", "join", "room", "general", "nick", "Dickens fan",
                "id", "n2")).path("type").asText(), "no Scunthorpe problem in nicknames");
    }
}
