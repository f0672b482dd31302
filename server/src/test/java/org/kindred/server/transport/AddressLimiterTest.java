package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kindred.server.transport.AddressLimiter.Verdict;

class AddressLimiterTest {

    @Test
    void admitsUpToTheLimitThenRefusesAsManyThenDrops() {
        AddressLimiter l = new AddressLimiter(2);
        assertEquals(Verdict.ADMITTED, l.admit("a"));
        assertEquals(Verdict.ADMITTED, l.admit("a"));
        assertEquals(Verdict.REFUSED, l.admit("a"));
        assertEquals(Verdict.REFUSED, l.admit("a"));
        assertEquals(Verdict.DROPPED, l.admit("a"));
        assertEquals(4, l.open("a"), "dropped ones are not counted");
        assertEquals(Verdict.ADMITTED, l.admit("b"), "another network is not affected");
    }

    @Test
    void releasingFreesTheRightKindOfPlace() {
        AddressLimiter l = new AddressLimiter(1);
        assertEquals(Verdict.ADMITTED, l.admit("a"));
        assertEquals(Verdict.REFUSED, l.admit("a"));
        l.release("a", Verdict.REFUSED);
        assertEquals(Verdict.REFUSED, l.admit("a"), "a refused one leaving does not admit the next");
        l.release("a", Verdict.ADMITTED);
        assertEquals(Verdict.ADMITTED, l.admit("a"));
        l.release("a", Verdict.DROPPED);
        assertEquals(2, l.open("a"), "releasing a dropped connection changes nothing");
        l.release("a", Verdict.ADMITTED);
        l.release("a", Verdict.REFUSED);
        assertEquals(0, l.open("a"));
        assertEquals(0, l.keys(), "nothing kept for a network without connections");
        l.release("a", Verdict.ADMITTED);
        assertEquals(0, l.keys(), "an extra release is harmless");
    }

    @Test
    void needsAPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new AddressLimiter(0));
    }
}
