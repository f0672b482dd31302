package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
    /** Two rooms of two members: members 0,1 in room 0 and 2,3 in room 1. */
    private final DeliveryLedger ledger = new DeliveryLedger(new int[] {2, 2});
    private final DeliveryLedger.Receiver a = ledger.receiver(0, 0);
    private final DeliveryLedger.Receiver b = ledger.receiver(0, 0);
    private final DeliveryLedger.Receiver c = ledger.receiver(1, 2);
    private final DeliveryLedger.Receiver d = ledger.receiver(1, 2);

    @Test
    void everyMessageToEveryMemberInOrderIsClean() {
        ledger.published(0);
        ledger.published(0);
        ledger.published(1);
        for (DeliveryLedger.Receiver r : new DeliveryLedger.Receiver[] {a, b}) {
            r.onDelivery(1, 0, 0);
            r.onDelivery(2, 1, 0);
        }
        c.onDelivery(1, 3, 0);
        d.onDelivery(1, 3, 0);
        DeliveryLedger.Totals t = ledger.totals();
        assertEquals(3, t.published());
        assertEquals(6, t.expected());
        assertEquals(6, t.delivered());
        assertTrue(t.clean(), t.toString());
    }

    @Test
    void aMissingDeliveryIsCountedEvenAtTheEnd() {
        ledger.published(0);
        a.onDelivery(1, 0, 0);
        DeliveryLedger.Totals t = ledger.totals();
        assertEquals(1, t.missing());
        assertFalse(t.clean());
    }

    @Test
    void aGapInOnePublishersSequenceIsLoss() {
        ledger.published(0);
        ledger.published(0);
        a.onDelivery(1, 0, 0);
        a.onDelivery(3, 0, 2);
        assertEquals(1, ledger.totals().gaps());
    }

    @Test
    void roomSeqGoingBackwardsIsReordering() {
        a.onDelivery(2, 0, 0);
        a.onDelivery(1, 1, 0);
        assertEquals(1, ledger.totals().reordered());
    }

    @Test
    void publisherSeqGoingBackwardsIsReorderingEvenWithoutRoomSeq() {
        a.onDelivery(-1, 0, 1);
        a.onDelivery(-1, 0, 0);
        DeliveryLedger.Totals t = ledger.totals();
        assertEquals(1, t.reordered());
        assertEquals(1, t.gaps()); // pseq 0 had not been seen when 1 arrived
    }

    @Test
    void theSameMessageTwiceIsADuplicate() {
        ledger.published(0);
        a.onDelivery(1, 0, 0);
        a.onDelivery(1, 0, 0);
        DeliveryLedger.Totals t = ledger.totals();
        assertEquals(1, t.duplicates());
        assertEquals(1, t.reordered()); // the room seq did not increase either
        assertFalse(t.clean());
    }

    @Test
    void aMessageFromAnotherRoomIsMisrouted() {
        a.onDelivery(-1, 3, 0);
        assertEquals(1, ledger.totals().misrouted());
    }

    @Test
    void deliveredSoFarCountsAcrossReceivers() {
        a.onDelivery(1, 0, 0);
        c.onDelivery(1, 2, 0);
        assertEquals(2, ledger.deliveredSoFar());
    }
}
