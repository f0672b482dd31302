package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.Role;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.crisis.RiskAssessment;
import org.kindred.server.crisis.RiskCategory;
import org.kindred.server.store.Escalation;

/**
 * An assessor that throws on a message costs neither the message nor the connection (twenty-second round):
 * the writer gets their region's card, staff an escalation at {@code high} marked as an assessor failure, and
 * the caller an assessment it can hold or deliver by the room's policy.
 */
class AssessorFailureTest {

    @Test
    void anAssessorThatThrowsGivesTheCardAndAnEscalationMarkedAsItsFailure() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            CrisisSupport failing = new CrisisSupport((text, locale) -> {
                throw new IllegalStateException("a bug in the rules");
            }, "test-rules", f.crisis.responder(), f.escalations, Fixture.DIRECT);

            RiskAssessment a = failing.assess(ann.session(), "general", "some words the assessor choked on");

            assertEquals(RiskLevel.HIGH, a.level());
            assertEquals(Set.of(RiskCategory.ASSESSOR_FAILURE), a.categories());
            List<JsonNode> out = ann.replies();
            assertEquals(1, out.size(), "exactly one reply: the card");
            assertEquals("crisis", out.get(0).path("type").asText());
            assertFalse(out.get(0).path("resources").isEmpty(), "the crisis lines");
            assertEquals(1, f.escalations.unresolved().size());
            Escalation e = f.escalations.unresolved().get(0);
            assertEquals(RiskLevel.HIGH, e.level());
            assertEquals(ann.session().memberId(), e.memberId());
            assertEquals(e.id(), out.get(0).path("escalation").asText());
            assertTrue(e.excerpt().startsWith(CrisisSupport.ASSESSOR_FAILURE_EXCERPT), e.excerpt());
            assertTrue(e.excerpt().endsWith("some words the assessor choked on"), "staff read the message");
        }
    }

    @Test
    void aRuleFileCannotNameTheFailure() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RiskCategory.parse("assessor_failure", "test"));
    }
}
