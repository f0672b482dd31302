package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The fourteenth round's false escalations, as kinds, with the rules alone ({@code rules/*.yaml}
 * "round 14" ignore entries): a decision about an everyday outing at a place next to a time, and
 * bleeding told with laughter or next to a harmless accident, must not page; the risk lines they
 * look like still do. Every line is written for this test (none is a line of a labelled set).
 */
class RiskRound14Test {
    @Test
    void aDecidedOutingAtAPlaceIsNoDecidedTime() {
        assertNull(level("ce soir sur le pont pour le concert, c'est décidé"));
        assertNull(level("demain soir au pont pour les photos du coucher de soleil, c'est décidé"));
        assertNull(level("heute nacht auf der brücke feuerwerk gucken, ist entschieden"));
        assertNull(level("morgen abend aufs dach für fotos vom sonnenuntergang, entschieden"));
        assertNull(level("tonight we go up on the roof for the fireworks, it's decided"));
        assertNull(level("esta noche al puente a ver el atardecer con fotos, está decidido"));
    }

    @Test
    void aDecidedTimeAtAPlaceWithoutAnOutingStillPages() {
        assertEquals(RiskLevel.IMMINENT, level("ce soir sur le pont, c'est décidé"));
        assertEquals(RiskLevel.IMMINENT, level("heute abend auf der brücke, ist entschieden"));
        assertEquals(RiskLevel.IMMINENT, level("tonight on the bridge, it's decided"));
    }

    @Test
    void bleedingToldWithLaughterOrAnAccidentIsNoActInProgress() {
        assertNull(level("beim rasieren erwischt, das blut hört nicht auf hahaha"));
        assertNull(level("blut hört nicht auf haha, nie wieder klingen vom discounter"));
        assertNull(level("the blood won't stop lmao, new razor is brutal"));
        assertNull(level("nicked my chin shaving and the blood won't stop"));
        assertNull(level("en me rasant ce matin, ça s'arrête pas de saigner mdr"));
    }

    @Test
    void bleedingThatWillNotStopStillPages() {
        assertEquals(RiskLevel.IMMINENT, level("cut too deep tonight and the blood won't stop"));
        assertEquals(RiskLevel.IMMINENT, level("the blood won't stop and i don't want to call anyone"));
        assertEquals(RiskLevel.IMMINENT, level("ça s'arrête pas de saigner, j'ai coupé trop profond"));
    }
}
