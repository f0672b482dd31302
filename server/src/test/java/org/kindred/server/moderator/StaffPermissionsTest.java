package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;

class StaffPermissionsTest {
    @Test
    void moderatorsAndAdminsMayUseEveryModRequestSoANewOneMustBePlacedInTheTable() {
        Set<Class<?>> all = Set.of(ModRequest.class.getPermittedSubclasses());
        assertEquals(all, Set.copyOf(StaffPermissions.requests(Role.MODERATOR)));
        assertEquals(all, Set.copyOf(StaffPermissions.requests(Role.ADMIN)));
        assertTrue(StaffPermissions.requests(Role.MEMBER).isEmpty());
    }

    @Test
    void supportersMayUseExactlyWhatTheProtocolAllowsThem() {
        assertEquals(Set.of(ModRequest.Watch.class, ModRequest.Queue.class, ModRequest.Claim.class,
                ModRequest.Resolve.class, ModRequest.Reach.class, ModRequest.Close.class),
                StaffPermissions.requests(Role.SUPPORTER));
        assertFalse(StaffPermissions.mayRequest(Role.SUPPORTER, new ModRequest.Bans("b")));
        assertTrue(StaffPermissions.mayRequest(Role.SUPPORTER, new ModRequest.Queue("q")));
    }

    @Test
    void supportersReceiveEscalationsAndReportsOnlyModeratorsEverything() {
        ModEvent room = new ModEvent.RoomState("general", 1, 10, false);
        assertFalse(StaffPermissions.receives(Role.SUPPORTER, room));
        assertTrue(StaffPermissions.receives(Role.MODERATOR, room));
        assertFalse(StaffPermissions.receives(Role.MEMBER, room));
    }

    @Test
    void aSupportersQueueLosesHeldMessagesAndAlerts() {
        ModEvent.Alert alert = new ModEvent.Alert("general", "m1", "u1", List.of("threat"), "x", 1L);
        ServerMessage.Queue q = new ServerMessage.Queue("q", List.of(), List.of(), List.of(), List.of(alert));
        assertTrue(StaffPermissions.queueFor(Role.SUPPORTER, q).alerts().isEmpty());
        assertEquals(1, StaffPermissions.queueFor(Role.MODERATOR, q).alerts().size());
    }
}
