package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.protocol.Role;

class LinkStageTest {
    private final ModerationConfig config = ModerationConfig.defaults();
    private final LinkStage stage = new LinkStage(config);
    private static final long FIVE_MINUTES_AGO = Fixtures.NOW - 5 * 60_000L;

    private Verdict run(Role role, long memberSince, String text) {
        Evaluation e = Fixtures.evaluation(Fixtures.ctx("lobby", "m", role, memberSince, Fixtures.NOW, 0, text), config);
        stage.apply(e);
        return new VerdictAssembler(new StrikeTracker(3, 600, 600, 100)).assemble(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"look at https://example.com/x?y=1", "www.example.org", "try bit.ly/abc", "see Example.COM now",
        "http://10.0.0.1/login"})
    void holdsLinksFromNewMembers(String text) {
        Verdict v = run(Role.MEMBER, FIVE_MINUTES_AGO, text);
        assertEquals(Outcome.HOLD, v.outcome(), text);
        assertEquals(text, v.text());
        assertTrue(v.categories().contains(Categories.LINK));
        assertTrue(v.reason().english().contains("moderator"), v.reason().english());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://988lifeline.org/chat", "www.samaritans.org", "see findahelpline.com",
        "https://www.nhs.uk/mental-health/", "i.e. this is fine", "so.it goes", "e.g. the end.", "3.5 hours", "ok...sure"})
    void allowsCrisisSitesAndNonLinks(String text) {
        assertEquals(Outcome.DELIVER, run(Role.MEMBER, FIVE_MINUTES_AGO, text).outcome(), text);
    }

    @Test
    void allowsLinksFromModeratorsAndEstablishedMembers() {
        assertEquals(Outcome.DELIVER, run(Role.MODERATOR, FIVE_MINUTES_AGO, "https://example.com").outcome());
        assertEquals(Outcome.DELIVER, run(Role.MEMBER, Fixtures.NOW - 10 * 60_000L, "https://example.com").outcome());
    }

    @Test
    void doesNotTreatEmailDomainsAsLinks() {
        assertEquals(Outcome.DELIVER, run(Role.MEMBER, FIVE_MINUTES_AGO, "x@example.com").outcome());
    }
}
