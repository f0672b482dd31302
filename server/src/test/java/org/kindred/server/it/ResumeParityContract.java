package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.KindredServer;
import org.kindred.server.session.Session;
import org.kindred.server.testing.ManualTimer;

/**
 * A resume is the same wherever it lands: what a member or staff session had when its connection
 * dropped, and what it missed while away, come back whether the {@code hello} reaches the node that
 * held it ({@link ResumeParityTest}, one node in memory) or another node of a cluster
 * ({@link ClusterResumeParityTest}, two nodes over Redis and one PostgreSQL): a staff session's role
 * and rights (and none once its account is disabled), check-ins that came due or are still planned,
 * the events kept while away (presence changes and notices, in place among the messages and in the
 * resuming language), and the reaction allowance already spent.
 */
abstract class ResumeParityContract {
    static final String PASSWORD = "correct horse battery";
    /** Moves check-ins' time on every node (they share it, as they share the wall clock). */
    final ManualTimer timer = new ManualTimer();
    private final List<WsClient> extra = new ArrayList<>();
    private int ids;

    /** Where sessions begin. */
    abstract TestServer first();

    /** Where they resume: {@link #first()} itself, or another node of its cluster. */
    abstract TestServer second();

    /** Returns once a resume through {@link #second()} can find the dropped session of {@code token}. */
    abstract void awaitParked(String token) throws Exception;

    /** Sets every node up before it starts: the hand-moved check-in timer. */
    final Consumer<KindredServer> setup() {
        return s -> s.checkInTimer(timer);
    }

    /** After the nodes started: their check-ins tell time by {@link #timer} too. */
    final void started(TestServer... nodes) {
        for (TestServer n : nodes) {
            n.server().checkIns().clock(timer::now);
        }
        first().server().bootstrapModerator("alex:" + PASSWORD);
    }

    @AfterEach
    void closeExtra() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
    }

    WsClient moderator() throws Exception {
        return Moderators.watching(first().port(), Moderators.token(first().port(), "alex", PASSWORD), extra);
    }

    WsClient member(TestServer node, String room, String nick) throws Exception {
        WsClient c = node.member();
        if (room != null) {
            JsonNode j = c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j" + (++ids)));
            assertEquals("joined", j.path("type").asText(), j.toString());
        }
        return c;
    }

    /** Drops {@code c}'s connection and waits until its node saw it and a resume elsewhere would find it. */
    void dropped(WsClient c) throws Exception {
        String token = TestServer.welcomeSession(c);
        String member = TestServer.welcomeMember(c);
        c.drop();
        Session s = first().server().sessions().byMember(member).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!s.isDetached() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(s.isDetached(), "the server saw the drop");
        awaitParked(token);
    }

    private JsonNode resume(String token, String locale) throws Exception {
        WsClient back = second().raw();
        Map<String, Object> hello = new HashMap<>(Map.of("type", "hello", "v", 1, "resume", token, "id", "h"));
        if (locale != null) {
            hello.put("locale", locale);
        }
        JsonNode w = back.request(hello);
        assertEquals("welcome", w.path("type").asText(), w.toString());
        last = back;
        return w;
    }

    private WsClient last;

    static String sent(WsClient c, String room, String text) throws Exception {
        JsonNode r = c.request(Map.of("type", "send", "room", room, "text", text, "id", "s" + text.hashCode()));
        assertEquals("sent", r.path("type").asText(), r.toString());
        return r.path("msg").asText();
    }

    @Test
    void aStaffSessionResumesWithItsRoleAndRights() throws Exception {
        WsClient console = moderator();
        String token = TestServer.welcomeSession(console);
        String staffId = TestServer.welcomeMember(console);
        String role = console.firstSeen("welcome", "member", "role");
        assertTrue(role.equals("admin") || role.equals("moderator"), role);
        dropped(console);
        JsonNode w = resume(token, null);
        assertEquals(role, w.path("member").path("role").asText(), w.toString());
        assertEquals(staffId, w.path("member").path("id").asText(), "the same session");
        assertEquals("queue", last.request(Map.of("type", "mod.queue", "id", "q")).path("type").asText());
        assertEquals("ok", last.request(Map.of("type", "mod.watch", "rooms", List.of("*"), "id", "w"))
                .path("type").asText());
    }

    @Test
    void aDisabledAccountsSessionResumesAsNothing() throws Exception {
        WsClient console = moderator();
        String token = TestServer.welcomeSession(console);
        String staffId = TestServer.welcomeMember(console);
        dropped(console);
        first().server().staff().accounts().disable("alex");
        JsonNode w = resume(token, null);
        assertEquals("member", w.path("member").path("role").asText(), "no staff rights: " + w);
        assertNotEquals(staffId, w.path("member").path("id").asText(), "a new session");
        assertEquals("forbidden", last.request(Map.of("type", "mod.queue", "id", "q")).path("code").asText());
    }

    @Test
    void checkInsDueWhileAwayAreAskedAndPlannedOnesStillComeAfterTheResume() throws Exception {
        WsClient c = member(first(), null, null);
        String token = TestServer.welcomeSession(c);
        String soon = planned(c, 60);
        String later = planned(c, 120);
        dropped(c);
        timer.advance(Duration.ofMinutes(60));
        resume(token, null);
        JsonNode asked = last.await("checkin");
        assertEquals(soon, asked.path("checkin").asText(), "the one that came due while away");
        assertEquals("ok", last.request(Map.of("type", "checkin.answer", "checkin", soon, "answer", "same",
                "id", "a")).path("type").asText());
        timer.advance(Duration.ofMinutes(60));
        JsonNode next = last.await(m -> "checkin".equals(m.path("type").asText())
                && later.equals(m.path("checkin").asText()), "the planned one, at its time");
        assertEquals(later, next.path("checkin").asText());
    }

    private static String planned(WsClient c, int minutes) throws Exception {
        JsonNode ok = c.request(Map.of("type", "checkin", "minutes", minutes, "id", "p" + minutes));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        return ok.path("checkin").asText();
    }

    @Test
    void eventsKeptWhileAwayComeInPlaceAmongTheMessagesInTheResumingLanguage() throws Exception {
        WsClient mod = moderator();
        WsClient xan = member(first(), "general", "Xan");
        WsClient yas = member(first(), "general", "Yas");
        String token = TestServer.welcomeSession(xan);
        xan.await(m -> "presence".equals(m.path("type").asText())
                && "Yas".equals(m.path("member").path("nick").asText()), "Yas's arrival, before the drop");
        dropped(xan);
        sent(yas, "general", "one");
        member(second(), "general", "Zed");
        yas.await(m -> "presence".equals(m.path("type").asText())
                && "Zed".equals(m.path("member").path("nick").asText()), "Zed's arrival");
        sent(yas, "general", "two");
        assertEquals("ok", mod.request(Map.of("type", "mod.slow", "room", "general", "seconds", 20, "id", "s"))
                .path("type").asText());
        yas.await(m -> "notice".equals(m.path("type").asText()), "the notice");

        resume(token, "de-DE");
        last.await(m -> "notice".equals(m.path("type").asText()), "the notice kept while away");
        List<String> seen = new ArrayList<>();
        for (JsonNode m : last.seen()) {
            switch (m.path("type").asText()) {
                case "message" -> seen.add("message " + m.path("text").asText());
                case "presence" -> seen.add("presence " + m.path("event").asText() + " "
                        + m.path("member").path("nick").asText());
                case "notice" -> seen.add("notice " + m.path("code").asText() + " " + m.path("text").asText());
                default -> { }
            }
        }
        assertEquals(List.of("message one", "presence join Zed", "message two",
                "notice slow_mode Der langsame Modus ist an: eine Nachricht alle 20 Sekunden."), seen);
    }

    @Test
    void theReactionAllowanceAlreadySpentStaysSpent() throws Exception {
        WsClient ann = member(first(), "recovery", "Ann");
        WsClient bo = member(first(), "recovery", "Bo");
        String token = TestServer.welcomeSession(bo);
        String msg = sent(ann, "recovery", "ninety days");
        for (int i = 0; i < 20; i++) {
            Map<String, Object> react = new HashMap<>(Map.of("type", "react", "id", "r" + i, "room", "recovery",
                    "msg", msg, "reaction", "heart"));
            if (i % 2 == 1) {
                react.put("remove", true);
            }
            assertEquals("ok", bo.request(react).path("type").asText());
        }
        dropped(bo);
        resume(token, null);
        JsonNode again = last.request(Map.of("type", "react", "id", "r", "room", "recovery", "msg", msg,
                "reaction", "hug"));
        assertEquals("rate_limited", again.path("code").asText(), "resuming refills nothing: " + again);
        assertTrue(again.path("retryAfterMs").asLong() > 0, again.toString());
    }
}
