package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

/** Who is on duty across nodes: one entry per name, and another node's announcement read with care. */
class OnDutyTest {
    @Test
    void twoConnectionsOfOnePersonAreOneEntrySortedByName() {
        List<OnDuty> merged = OnDuty.merge(List.of(
                new OnDuty("sam", Role.MODERATOR, Set.of("anxiety"), 2_000),
                new OnDuty("alex", Role.SUPPORTER, Set.of("depression"), 5_000),
                new OnDuty("sam", Role.MODERATOR, Set.of("general"), 1_000)));
        assertEquals(List.of("alex", "sam"), merged.stream().map(OnDuty::name).toList());
        OnDuty sam = merged.get(1);
        assertEquals(Set.of("anxiety", "general"), sam.rooms());
        assertEquals(1_000, sam.since(), "the earlier connection");
    }

    @Test
    void anotherNodesStaffAreListedUntilItsAnnouncementExpires() {
        AtomicLong clock = new AtomicLong(0);
        RemoteWatches remote = new RemoteWatches(clock::get);
        String json = RemoteWatches.announcement(Set.of("*"), List.of(new OnDuty("sam", Role.ADMIN, Set.of("*"), 42)));
        assertTrue(remote.take("node-b", json));
        assertEquals(List.of(new OnDuty("sam", Role.ADMIN, Set.of("*"), 42)), remote.staff());
        assertTrue(remote.covers("general"));
        clock.set(RemoteWatches.EXPIRY_MS + 1);
        assertTrue(remote.staff().isEmpty(), "a node that stopped announcing drops out");
        assertFalse(remote.covers("general"));
    }

    @Test
    void anAnnouncementWithoutStaffOrWithBadEntriesListsOnlyWhatIsWellFormed() {
        RemoteWatches remote = new RemoteWatches(() -> 0);
        assertTrue(remote.take("old-node", "{\"type\":\"kindred.watching\",\"rooms\":[\"general\"]}"));
        assertTrue(remote.staff().isEmpty(), "a node of an earlier version lists nobody");
        assertTrue(remote.covers("general"), "but still counts for its rooms");
        assertTrue(remote.take("node-c", "{\"type\":\"kindred.watching\",\"rooms\":[],\"staff\":["
                + "{\"name\":\"kit\",\"role\":\"supporter\",\"rooms\":[\"depression\"],\"since\":7},"
                + "{\"name\":\"mia\",\"role\":\"member\",\"rooms\":[],\"since\":7},"
                + "{\"name\":\"" + "x".repeat(OnDuty.MAX_NAME + 1) + "\",\"role\":\"admin\",\"rooms\":[],\"since\":7},"
                + "{\"name\":\"zed\",\"role\":\"overlord\",\"rooms\":[],\"since\":7},"
                + "{\"name\":\"noa\",\"role\":\"moderator\",\"rooms\":[],\"since\":\"soon\"},"
                + "{\"role\":\"moderator\",\"rooms\":[],\"since\":1}]}"));
        assertEquals(List.of("kit"), remote.staff().stream().map(OnDuty::name).toList(),
                "members, unknown roles, over-long names and wrong shapes are left out");
        assertTrue(remote.take("node-c", RemoteWatches.announcement(Set.of(), List.of())));
        assertEquals(List.of(), remote.staff(), "nobody left on that node");
    }
}
