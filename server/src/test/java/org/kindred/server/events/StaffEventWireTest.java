package org.kindred.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StaffEventWireTest {

    @Test
    void aStaffChangeComesBackAsItWent() {
        StaffChange mute = new StaffChange(StaffChange.Kind.MUTE, "m-1", "lobby", null, "node-a");
        StaffEventWire.Read read = StaffEventWire.decode(StaffEventWire.encode(mute));
        assertEquals(mute, assertInstanceOf(StaffEventWire.Change.class, read).change());
    }

    @Test
    void aConsoleEventComesBackAsItWent() {
        ConsoleEvent e = new ConsoleEvent("lobby", "{\"type\":\"mod.alert\"}", "node-a");
        StaffEventWire.Read read = StaffEventWire.decode(StaffEventWire.encode(e));
        ConsoleEvent back = assertInstanceOf(StaffEventWire.Console.class, read).event();
        assertEquals(e.room(), back.room());
        assertEquals(e.json(), back.json());
        assertEquals(e.origin(), back.origin());
    }

    @Test
    void aResyncRequestIsReadAsOne() {
        assertInstanceOf(StaffEventWire.Resync.class, StaffEventWire.decode(StaffEventWire.resyncRequest("node-a")));
    }

    @Test
    void whatIsNotAnEventIsMalformedAndSaysWhichKind() {
        StaffEventWire.Malformed notJson = assertInstanceOf(StaffEventWire.Malformed.class,
                StaffEventWire.decode("{not json"));
        assertNull(notJson.what());
        StaffEventWire.Malformed badKind = assertInstanceOf(StaffEventWire.Malformed.class,
                StaffEventWire.decode("{\"kind\":\"NOPE\",\"origin\":\"n\"}"));
        assertEquals("staff event", badKind.what());
        StaffEventWire.Malformed noRoom = assertInstanceOf(StaffEventWire.Malformed.class,
                StaffEventWire.decode("{\"kind\":\"MUTE\",\"member\":\"m\",\"origin\":\"n\"}"));
        assertFalse(noRoom.error().isEmpty());
    }

    @Test
    void noFieldOfAChangeCarriesMoreThanIds() {
        String text = StaffEventWire.encode(new StaffChange(StaffChange.Kind.BAN, "m-1", null, "ban-9", "node-a"));
        assertEquals("{\"kind\":\"BAN\",\"member\":\"m-1\",\"room\":null,\"ban\":\"ban-9\",\"origin\":\"node-a\"}", text);
    }
}
