package org.kindred.server.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ReportReason;
import org.kindred.protocol.Role;
import org.kindred.protocol.SendStatus;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.store.ReportStore;

class ReportHandlerTest {

    /** Bo posts in general and Ann, also there, gets ready to report it; returns the message id. */
    private static String postedByBo(Fixture f, Fixture.Peer ann) throws Exception {
        Fixture.Peer bo = f.peer(Role.MEMBER);
        f.join(ann, "general", "Ann");
        f.join(bo, "general", "Bo");
        RoomReplies.post(f.rooms.get("general"), bo.session(), bo.conn(), "s", "hello all", SendStatus.DELIVERED,
                List.of());
        String msg = bo.replies().get(0).path("msg").asText();
        ann.replies();
        return msg;
    }

    @Test
    void aReportInAnUnknownRoomIsNotFoundAndNothingIsStored() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            new ReportHandler(new RoomLookup(f.rooms), f.reports).handle(ann.conn(), ann.session(),
                    new ClientMessage.Report("r", "nowhere", "m_1", ReportReason.SPAM, null), f.now);
            List<JsonNode> out = ann.replies();
            assertEquals(1, out.size());
            assertEquals("not_found", out.get(0).path("code").asText());
            assertEquals("r", out.get(0).path("id").asText());
            assertTrue(f.durable.store().reports().listOpen().isEmpty());
        }
    }

    @Test
    void aReportOfAMessageInTheRoomIsStoredAndAnsweredWithItsId() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            String msg = postedByBo(f, ann);
            new ReportHandler(new RoomLookup(f.rooms), f.reports).handle(ann.conn(), ann.session(),
                    new ClientMessage.Report("r", "general", msg, ReportReason.SPAM, null), f.now);
            List<JsonNode> out = ann.replies();
            assertEquals(1, out.size());
            assertEquals("ok", out.get(0).path("type").asText());
            String report = out.get(0).path("report").asText();
            assertFalse(report.isEmpty(), "the reply carries the report id");
            assertEquals(report, f.durable.store().reports().listOpen().get(0).id());
        }
    }

    @Test
    void aStoreFailureIsAnsweredInternal() throws Exception {
        try (Fixture f = new Fixture()) {
            Fixture.Peer ann = f.peer(Role.MEMBER);
            String msg = postedByBo(f, ann);
            ReportStore broken = (ReportStore) Proxy.newProxyInstance(ReportStore.class.getClassLoader(),
                    new Class<?>[] {ReportStore.class}, (p, m, a) -> {
                        throw new IllegalStateException("the disk is gone");
                    });
            MemberReports reports = new MemberReports(broken, f.audit, f.hub, f.escalations, Fixture.DIRECT,
                    () -> f.now);
            new ReportHandler(new RoomLookup(f.rooms), reports).handle(ann.conn(), ann.session(),
                    new ClientMessage.Report("r", "general", msg, ReportReason.SPAM, null), f.now);
            List<JsonNode> out = ann.replies();
            assertEquals(1, out.size(), "exactly one reply");
            assertEquals("internal", out.get(0).path("code").asText());
            assertEquals("r", out.get(0).path("id").asText());
        }
    }
}
