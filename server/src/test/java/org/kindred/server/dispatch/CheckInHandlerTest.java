package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.CheckInRequest;
import org.kindred.protocol.Role;
import org.kindred.server.crisis.CheckInRequests;
import org.kindred.server.session.CheckIns;
import org.kindred.server.testing.ManualTimer;

class CheckInHandlerTest {

    private static JsonNode onlyReply(Fixture.Peer p) throws Exception {
        List<JsonNode> out = p.replies();
        assertEquals(1, out.size(), "exactly one reply");
        return out.get(0);
    }

    @Test
    void whereCheckInsAreOffEveryStepIsRefused() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            new CheckInHandler<CheckInRequest.Plan>(null, CheckInRequests::plan).handle(ann.conn(), ann.session(),
                    new CheckInRequest.Plan("p", 30), f.now);
            new CheckInHandler<CheckInRequest.Cancel>(null, CheckInRequests::cancel).handle(ann.conn(),
                    ann.session(), new CheckInRequest.Cancel("c", "k_1"), f.now);
            new CheckInHandler<CheckInRequest.Answer>(null, CheckInRequests::answer).handle(ann.conn(),
                    ann.session(), new CheckInRequest.Answer("a", "k_1", "better"), f.now);
            List<JsonNode> out = ann.replies();
            assertEquals(3, out.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of("p", "c", "a").get(i), out.get(i).path("id").asText());
                assertEquals("forbidden", out.get(i).path("code").asText());
                assertEquals(CheckInHandler.UNAVAILABLE.english(), out.get(i).path("message").asText());
            }
        }
    }

    @Test
    void eachRequestReachesItsOwnStep() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            CheckIns checkIns = new CheckIns(new ManualTimer(), lang -> "How are you doing?", 3);
            CheckInRequests service = new CheckInRequests(checkIns, f.crisis, f.audit, Fixture.DIRECT);
            new CheckInHandler<CheckInRequest.Plan>(service, CheckInRequests::plan).handle(ann.conn(), ann.session(),
                    new CheckInRequest.Plan("p", 30), f.now);
            JsonNode planned = onlyReply(ann);
            assertEquals("ok", planned.path("type").asText());
            String id = planned.path("checkin").asText();
            assertFalse(id.isEmpty(), "the planned check-in's id");
            assertEquals(1, checkIns.states(ann.session()).size());

            CheckInHandler<CheckInRequest.Cancel> cancel = new CheckInHandler<>(service, CheckInRequests::cancel);
            cancel.handle(ann.conn(), ann.session(), new CheckInRequest.Cancel("c", id), f.now);
            assertEquals("ok", onlyReply(ann).path("type").asText());
            assertEquals(0, checkIns.states(ann.session()).size(), "cancelled");
            cancel.handle(ann.conn(), ann.session(), new CheckInRequest.Cancel("c2", id), f.now);
            assertEquals("not_found", onlyReply(ann).path("code").asText());

            new CheckInHandler<CheckInRequest.Answer>(service, CheckInRequests::answer).handle(ann.conn(),
                    ann.session(), new CheckInRequest.Answer("a", id, "better"), f.now);
            assertEquals("not_found", onlyReply(ann).path("code").asText(), "a cancelled check-in can't be answered");
        }
    }
}
