package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;

class EscalationServiceTest {
    static final class MutableClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        void advance(Duration d) {
            millis += d.toMillis();
        }
    }

    final MutableClock clock = new MutableClock();
    final List<EscalationEvent> events = new ArrayList<>();
    final InMemoryEscalationService service = new InMemoryEscalationService(
            CrisisConfig.builder().reannounceInterval(Duration.ofMinutes(2)).build(), clock, events::add);

    @Test
    void openAnnouncesAndPages() {
        Escalation e = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, "excerpt");
        assertEquals(EscalationStatus.OPEN, e.status());
        assertNull(e.claimedBy());
        assertEquals(1, events.size());
        assertEquals(EscalationEvent.Kind.OPENED, events.get(0).kind());
        assertTrue(events.get(0).pagesModerators());
        ModEvent.Escalation wire = e.toEvent();
        assertEquals("lobby", wire.room());
        assertEquals(EscalationSource.KEYWORD, wire.source());
        assertEquals(clock.millis, wire.ts());
    }

    @Test
    void concernIsQueuedButDoesNotPage() {
        service.open("lobby", "m1", RiskLevel.CONCERN, EscalationSource.KEYWORD, null);
        assertTrue(!events.get(0).pagesModerators());
        assertEquals(1, service.open().size());
    }

    @Test
    void secondSignalFromSameMemberAndRoomReusesAndUpgrades() {
        Escalation first = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, "a");
        service.claim(first.id(), "mod-a");
        Escalation same = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, "b");
        assertEquals(first.id(), same.id());
        assertEquals("a", same.excerpt());
        assertEquals(EscalationEvent.Kind.REPEATED, events.get(events.size() - 1).kind());
        Escalation up = service.open("lobby", "m1", RiskLevel.IMMINENT, EscalationSource.HELP, "c");
        assertEquals(first.id(), up.id());
        assertEquals(RiskLevel.IMMINENT, up.level());
        assertEquals(EscalationStatus.CLAIMED, up.status());
        assertEquals("mod-a", up.claimedBy());
        assertEquals("c", up.excerpt());
        assertEquals(EscalationEvent.Kind.UPGRADED, events.get(events.size() - 1).kind());
        assertTrue(events.get(events.size() - 1).pagesModerators());
        Escalation otherRoom = service.open("garden", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, "d");
        assertNotEquals(first.id(), otherRoom.id());
        assertEquals(2, service.open().size());
    }

    @Test
    void claimBySomeoneElseFailsClearly() {
        Escalation e = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        Escalation c = service.claim(e.id(), "mod-a");
        assertEquals(EscalationStatus.CLAIMED, c.status());
        assertEquals("mod-a", c.claimedBy());
        assertEquals(c, service.claim(e.id(), "mod-a"));
        EscalationException ex = assertThrows(EscalationException.class, () -> service.claim(e.id(), "mod-b"));
        assertEquals(EscalationException.Reason.CLAIMED_BY_OTHER, ex.reason());
        assertTrue(ex.getMessage().contains("mod-a"));
    }

    @Test
    void resolveClosesAndFreesTheMember() {
        Escalation e = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        Escalation r = service.resolve(e.id(), "mod-b", ResolveOutcome.HANDED_OFF, "called 988 together");
        assertEquals(EscalationStatus.RESOLVED, r.status());
        assertEquals("mod-b", r.resolvedBy());
        assertEquals(ResolveOutcome.HANDED_OFF, r.outcome());
        assertEquals(EscalationEvent.Kind.RESOLVED, events.get(events.size() - 1).kind());
        assertEquals("mod-b", events.get(events.size() - 1).actor());
        assertTrue(service.open().isEmpty());
        assertEquals(r, service.get(e.id()).orElseThrow());
        assertEquals(EscalationException.Reason.ALREADY_RESOLVED, assertThrows(EscalationException.class,
                () -> service.resolve(e.id(), "mod-b", ResolveOutcome.RESOLVED, null)).reason());
        assertEquals(EscalationException.Reason.ALREADY_RESOLVED,
                assertThrows(EscalationException.class, () -> service.claim(e.id(), "mod-c")).reason());
        Escalation again = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        assertNotEquals(e.id(), again.id());
    }

    @Test
    void unknownAndInvalidRequestsFail() {
        assertEquals(EscalationException.Reason.NOT_FOUND,
                assertThrows(EscalationException.class, () -> service.claim("nope", "mod")).reason());
        assertEquals(EscalationException.Reason.INVALID, assertThrows(EscalationException.class,
                () -> service.open("", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, null)).reason());
        Escalation e = service.open("lobby", "m1", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        assertEquals(EscalationException.Reason.INVALID,
                assertThrows(EscalationException.class, () -> service.resolve(e.id(), "mod", null, null)).reason());
    }

    @Test
    void queueIsImminentFirstThenOldestFirst() {
        Escalation h1 = service.open("r", "a", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        clock.advance(Duration.ofSeconds(1));
        Escalation i1 = service.open("r", "b", RiskLevel.IMMINENT, EscalationSource.KEYWORD, null);
        clock.advance(Duration.ofSeconds(1));
        Escalation h2 = service.open("r", "c", RiskLevel.HIGH, EscalationSource.HELP, null);
        clock.advance(Duration.ofSeconds(1));
        Escalation i2 = service.open("r", "d", RiskLevel.IMMINENT, EscalationSource.KEYWORD, null);
        List<String> order = service.open().stream().map(Escalation::id).toList();
        assertEquals(List.of(i1.id(), i2.id(), h1.id(), h2.id()), order);
    }

    @Test
    void unclaimedImminentIsReannouncedAfterTheInterval() {
        Escalation imminent = service.open("r", "a", RiskLevel.IMMINENT, EscalationSource.KEYWORD, null);
        Escalation high = service.open("r", "b", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        Escalation claimed = service.open("r", "c", RiskLevel.IMMINENT, EscalationSource.KEYWORD, null);
        service.claim(claimed.id(), "mod");
        events.clear();
        clock.advance(Duration.ofSeconds(119));
        assertEquals(0, service.reannounceDue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, service.reannounceDue());
        assertEquals(EscalationEvent.Kind.REANNOUNCED, events.get(0).kind());
        assertEquals(imminent.id(), events.get(0).escalation().id());
        assertTrue(events.get(0).pagesModerators());
        assertEquals(0, service.reannounceDue());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, service.reannounceDue());
        service.claim(imminent.id(), "mod");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, service.reannounceDue());
        assertEquals(RiskLevel.HIGH, service.get(high.id()).orElseThrow().level());
    }

    @Test
    void upgradeToImminentRestartsTheReannounceTimer() {
        Escalation e = service.open("r", "a", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        clock.advance(Duration.ofMinutes(5));
        service.open("r", "a", RiskLevel.IMMINENT, EscalationSource.KEYWORD, null);
        assertEquals(0, service.reannounceDue());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, service.reannounceDue());
        assertEquals(e.id(), events.get(events.size() - 1).escalation().id());
    }

    @Test
    void listenerFailureDoesNotUndoTheChange() {
        InMemoryEscalationService s = new InMemoryEscalationService(CrisisConfig.defaults(), clock, ev -> {
            throw new IllegalStateException("boom");
        });
        Escalation e = s.open("r", "a", RiskLevel.HIGH, EscalationSource.KEYWORD, null);
        assertEquals(e, s.get(e.id()).orElseThrow());
    }

    @Test
    void excerptIsCut() {
        Escalation e = service.open("r", "a", RiskLevel.HIGH, EscalationSource.KEYWORD, "x".repeat(1000));
        assertEquals(EscalationService.MAX_EXCERPT, e.excerpt().length());
    }
}
