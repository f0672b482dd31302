package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.crisis.CheckInQuestions;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.testing.Harness;
import org.kindred.server.testing.ManualTimer;
import org.kindred.server.transport.Connection;

/** The check-in service on its own: planning, the cap, due while connected or away, cancel, answer, expiry. */
class CheckInsTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private final ManualTimer timer = new ManualTimer();
    private final CheckInQuestions questions = CheckInQuestions.bundled();
    private final CheckIns checkIns = new CheckIns(timer, questions::question, 3);

    private static Connection connection(EmbeddedChannel ch) {
        return new Connection(ch, ProtocolCodec.shared(), new Metrics(), null, new Connection.Limits(60, 20, 5), 0);
    }

    private static Session session(String locale, Connection c) {
        return new Session("u_" + System.nanoTime(), "h", Role.MEMBER, null, locale, "GB", null, 0, 50, c);
    }

    private static List<JsonNode> checkinEvents(EmbeddedChannel ch) throws Exception {
        return Harness.drain(ch).stream().filter(n -> "checkin".equals(n.path("type").asText())).toList();
    }

    @Test
    void aCheckInIsAskedWhenItsTimeComesAndNotBefore() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        Session s = session("en-GB", connection(ch));
        String id = checkIns.plan(s, HOUR).orElseThrow();
        assertTrue(id.matches("chk_[A-Za-z0-9_-]+"), id);
        timer.advance(Duration.ofMinutes(59));
        assertTrue(checkinEvents(ch).isEmpty(), "not yet");
        assertEquals(List.of(CheckIns.State.PLANNED), checkIns.states(s));
        timer.advance(Duration.ofMinutes(1));
        List<JsonNode> got = checkinEvents(ch);
        assertEquals(1, got.size());
        assertEquals(id, got.get(0).path("checkin").asText());
        assertEquals(questions.question("en"), got.get(0).path("text").asText());
        assertFalse(got.get(0).has("id"), "an event, not a reply");
        assertEquals(List.of(CheckIns.State.ASKED), checkIns.states(s));
        timer.advance(Duration.ofHours(5));
        assertTrue(checkinEvents(ch).isEmpty(), "asked once");
    }

    @Test
    void theQuestionIsInTheSessionsLanguageWithEnglishAsTheFallback() throws Exception {
        for (String[] c : new String[][] {{"es-MX", "es"}, {"de", "de"}, {"fr-CA", "fr"}, {"ja-JP", "en"}, {null, "en"}}) {
            EmbeddedChannel ch = new EmbeddedChannel();
            Session s = session(c[0], connection(ch));
            checkIns.plan(s, HOUR).orElseThrow();
            timer.advance(Duration.ofHours(1));
            assertEquals(questions.question(c[1]), checkinEvents(ch).get(0).path("text").asText(), c[0]);
        }
        assertTrue(questions.languages().containsAll(List.of("en", "es", "de", "fr")));
        assertFalse(questions.question("es").equals(questions.question("en")));
    }

    @Test
    void aSessionMayHaveThreePlannedAtOnce() throws Exception {
        Session s = session("en", connection(new EmbeddedChannel()));
        for (int i = 1; i <= 3; i++) {
            assertTrue(checkIns.plan(s, i * HOUR).isPresent());
        }
        assertEquals(Optional.empty(), checkIns.plan(s, HOUR), "the fourth is refused");
        timer.advance(Duration.ofHours(1)); // one is asked: room for another plan
        assertTrue(checkIns.plan(s, HOUR).isPresent());
        Session other = session("en", connection(new EmbeddedChannel()));
        assertTrue(checkIns.plan(other, HOUR).isPresent(), "the cap is per session");
    }

    @Test
    void aCancelledCheckInNeverComesAndCannotBeCancelledTwice() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        Session s = session("en", connection(ch));
        String id = checkIns.plan(s, HOUR).orElseThrow();
        assertTrue(checkIns.cancel(s, id));
        assertFalse(checkIns.cancel(s, id));
        assertEquals(0, timer.pending(), "its timer is gone too");
        timer.advance(Duration.ofHours(2));
        assertTrue(checkinEvents(ch).isEmpty());
        assertFalse(checkIns.cancel(s, "chk_unknown"));
    }

    @Test
    void anAnswerIsTakenOnceAndOnlyFromTheSessionThatPlannedIt() throws Exception {
        Session s = session("en", connection(new EmbeddedChannel()));
        Session other = session("en", connection(new EmbeddedChannel()));
        String id = checkIns.plan(s, HOUR).orElseThrow();
        timer.advance(Duration.ofHours(1));
        assertEquals(Optional.empty(), checkIns.answer(other, id), "another member cannot answer it");
        assertEquals(Optional.of(CheckIns.State.ASKED), checkIns.answer(s, id));
        assertEquals(Optional.empty(), checkIns.answer(s, id), "answered already");
        assertEquals(List.of(), checkIns.states(s));
    }

    @Test
    void dueWhileAwayItIsAskedWhenTheSessionResumes() throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Connection c1 = connection(first);
        Session s = session("en", c1);
        String id = checkIns.plan(s, HOUR).orElseThrow();
        assertTrue(s.detach(c1));
        timer.advance(Duration.ofHours(1));
        assertEquals(List.of(CheckIns.State.DUE), checkIns.states(s));
        assertTrue(checkinEvents(first).isEmpty());
        EmbeddedChannel second = new EmbeddedChannel();
        s.attach(connection(second));
        checkIns.resumed(s);
        List<JsonNode> got = checkinEvents(second);
        assertEquals(1, got.size());
        assertEquals(id, got.get(0).path("checkin").asText());
        checkIns.resumed(s);
        assertTrue(checkinEvents(second).isEmpty(), "asked once, not at every resume");
    }

    @Test
    void dueWhileItsConnectionIsClosingItWaitsForTheResumeInsteadOfBeingLost() throws Exception {
        EmbeddedChannel first = new EmbeddedChannel();
        Session s = session("en", connection(first));
        String id = checkIns.plan(s, HOUR).orElseThrow();
        first.close(); // closed, but the session has not been told yet
        timer.advance(Duration.ofHours(1));
        assertEquals(List.of(CheckIns.State.DUE), checkIns.states(s));
        EmbeddedChannel second = new EmbeddedChannel();
        s.attach(connection(second));
        checkIns.resumed(s);
        assertEquals(id, checkinEvents(second).get(0).path("checkin").asText());
    }

    @Test
    void whenTheSessionEndsItsCheckInsGoWithIt() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        Session s = session("en", connection(ch));
        String id = checkIns.plan(s, HOUR).orElseThrow();
        checkIns.plan(s, 2 * HOUR).orElseThrow();
        checkIns.ended(s);
        assertEquals(0, timer.pending());
        assertEquals(0, checkIns.sessions());
        assertFalse(checkIns.cancel(s, id));
        timer.advance(Duration.ofHours(3));
        assertTrue(checkinEvents(ch).isEmpty());
    }

    @Test
    void anExpiredSessionCannotPlanAndADueCheckInOfOneIsDropped() throws Exception {
        EmbeddedChannel ch = new EmbeddedChannel();
        Session s = session("en", connection(ch));
        checkIns.plan(s, HOUR).orElseThrow();
        assertTrue(s.markExpired(true));
        timer.advance(Duration.ofHours(1));
        assertTrue(checkinEvents(ch).isEmpty());
        assertEquals(0, checkIns.sessions());
        assertEquals(Optional.empty(), checkIns.plan(s, HOUR));
    }

    @Test
    void unansweredQuestionsAreKeptUpToALimitOldestForgottenFirst() throws Exception {
        Session s = session("en", connection(new EmbeddedChannel()));
        String first = checkIns.plan(s, HOUR).orElseThrow();
        for (int i = 0; i < CheckIns.MAX_ASKED; i++) {
            timer.advance(Duration.ofHours(1));
            checkIns.plan(s, HOUR).orElseThrow();
        }
        timer.advance(Duration.ofHours(1));
        assertEquals(CheckIns.MAX_ASKED, checkIns.states(s).size());
        assertEquals(Optional.empty(), checkIns.answer(s, first), "the oldest was forgotten");
    }

    @Test
    void aBadCapIsRefusedWithWhatWasExpected() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CheckIns(timer, questions::question, 0));
        assertTrue(e.getMessage().contains("(expected: 1 or more)"), e.getMessage());
    }
}
