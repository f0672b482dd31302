package org.kindred.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;

/** Members who vanish without a leave are announced once, after the grace period, and only then. */
class DeparturesTest {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private static final MemberInfo BO = new MemberInfo("u_2", "Bo", Role.MEMBER);
    private final Departures d = new Departures();

    @Test
    void aMemberMissingForTheGracePeriodIsGoneOnce() {
        assertEquals(List.of(), d.sweep(List.of(ANN, BO), List.of(ANN), 1_000, 500), "a suspect first");
        assertEquals(List.of(), d.sweep(List.of(ANN), List.of(ANN), 1_400, 500), "still within the grace");
        assertEquals(List.of(BO), d.sweep(List.of(ANN), List.of(ANN), 1_500, 500));
        assertEquals(List.of(), d.sweep(List.of(ANN), List.of(ANN), 9_000, 500), "announced once");
    }

    @Test
    void aLeaveThatCameThroughTheBrokerOrAReturnIsNotAnnouncedAgain() {
        d.sweep(List.of(ANN, BO), List.of(ANN), 1_000, 500);
        d.announced(BO.id());
        assertEquals(List.of(), d.sweep(List.of(ANN), List.of(ANN), 2_000, 500), "its node announced it");
        d.sweep(List.of(ANN, BO), List.of(BO), 3_000, 500);
        assertEquals(List.of(), d.sweep(List.of(BO), List.of(ANN, BO), 3_200, 500), "added again after a restart");
        assertEquals(List.of(), d.sweep(List.of(ANN, BO), List.of(ANN, BO), 9_000, 500));
    }

    @Test
    void aMemberMissingFromAListReadBetweenSweepsIsStillAnnounced() {
        d.missing(List.of(ANN, BO), List.of(ANN)); // a join re-read the list just after Bo's node died
        assertEquals(List.of(), d.sweep(List.of(ANN), List.of(ANN), 1_000, 500), "the grace starts at the sweep");
        assertEquals(List.of(BO), d.sweep(List.of(ANN), List.of(ANN), 1_500, 500), "not forgotten");
        d.missing(List.of(ANN), List.of());
        d.announced(ANN.id());
        assertEquals(List.of(), d.sweep(List.of(), List.of(), 9_000, 500), "a leave that came is not repeated");
    }
}
