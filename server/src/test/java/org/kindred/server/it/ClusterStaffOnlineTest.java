package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

/**
 * With several nodes on one Redis, "Staff online" ({@code GET /api/staff/online}) on any node lists
 * the staff on duty on every node, and drops one who leaves another node. Skipped without
 * {@code redis-server} (failed with {@code CI=true}), like every cluster test.
 */
class ClusterStaffOnlineTest {
    private static final String PW = StaffOnlineTest.PW;

    @Test
    void anAdminOnOneNodeSeesTheStaffOfTheOtherNode() throws Exception {
        List<WsClient> staff = new ArrayList<>();
        try (ClusterNodes cluster = new ClusterNodes(2)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            a.server().staff().accounts().create("ada", Role.ADMIN, PW);
            b.server().staff().accounts().create("sam", Role.MODERATOR, PW);
            String admin = Moderators.token(a.port(), "ada", PW);
            Moderators.watching(a.port(), admin, staff);
            WsClient sam = Moderators.watching(b.port(), Moderators.token(b.port(), "sam", PW), staff);

            StaffOnlineTest.awaitNames(a.port(), admin, Set.of("ada", "sam"));
            HttpResponse<String> r = StaffOnlineTest.online(a.port(), admin, null);
            JsonNode samThere = null;
            for (JsonNode s : WsClient.JSON.readTree(r.body()).path("staff")) {
                if ("sam".equals(s.path("name").asText())) {
                    samThere = s;
                }
            }
            assertEquals("moderator", samThere.path("role").asText(), r.body());
            assertEquals("[\"*\"]", samThere.path("rooms").toString());

            sam.close();
            StaffOnlineTest.awaitNames(a.port(), admin, Set.of("ada"));
        } finally {
            for (WsClient c : staff) {
                c.close();
            }
        }
    }
}
