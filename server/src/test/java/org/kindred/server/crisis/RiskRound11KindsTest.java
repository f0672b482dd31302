package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.NORMALIZER;
import static org.kindred.server.crisis.RulesAlone.BUNDLED;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The kinds of the eleventh round (blind set 8's misses, {@code crisis/combos.yaml} "round 11" and
 * the code they needed), with the rules alone: French "ne" negates only with a partner, exact-only
 * concept words, a time inside a hypothesis, and imminent kinds (goodbyes with thanks, things given
 * away and not needed, means carried on the way with a time, saved means with a day, at a place and
 * not coming down), with their look-alikes. Every line is written for this test (none is a line of
 * a labelled set), in English, Spanish, German and French.
 */
class RiskRound11KindsTest {
    @Test
    void germanNeIsNoFrenchNegator() {
        assertEquals(RiskLevel.IMMINENT, level("hab ne menge tabletten gesammelt, heute nacht nehm ich sie"));
        assertEquals(RiskLevel.IMMINENT, level("hab 'ne menge tabletten gesammelt, heute nacht nehm ich sie"));
        // French "ne … plus" still negates
        assertNull(level("je ne me coupe plus depuis un mois"));
    }

    @Test
    void aSpanishConditionalIsNoSeries() {
        assertEquals(RiskLevel.CONCERN, level("creo que todos serían más felices sin mí"));
        assertEquals(RiskLevel.HIGH, level("pienso en tirarme del tren, todos serían más felices sin mí"));
        assertNull(level("vi la serie entera este finde, todos serían felices con un final así"));
    }

    @Test
    void aTimeInsideAHypothesisIsNoDecidedTime() {
        assertEquals(RiskLevel.CONCERN, level("if a car ran me over tomorrow i wouldnt care"));
        assertEquals(RiskLevel.CONCERN, level("si mañana me atropella un coche me daría igual"));
        assertEquals(RiskLevel.CONCERN, level("si un camion me renversait demain ca me derangerait pas"));
        // a decided time stays one; "si" inside a clause ("so") begins no hypothesis
        assertEquals(RiskLevel.IMMINENT, level("i want to die and tomorrow i'll do it"));
        assertEquals(RiskLevel.IMMINENT, level("je suis si fatiguée ce soir, je veux mourir"));
    }

    @Test
    void goodbyesWithThanksToTheGroup() {
        assertEquals(RiskLevel.IMMINENT, level("deleted all my socials. bye guys, take care of yourselves"));
        assertEquals(RiskLevel.IMMINENT, level("thanks for listening all these months. logging off for good"));
        assertEquals(RiskLevel.IMMINENT, level("danke fürs zuhören die ganze zeit. machts gut"));
        assertEquals(RiskLevel.IMMINENT, level("merci a vous tous pour tout. prenez soin de vous"));
        assertNull(level("thanks for listening, see you next week"));
        assertNull(level("danke fürs zuhören, bis nächste woche"));
    }

    @Test
    void thingsGivenAwayAndNotNeeded() {
        assertEquals(RiskLevel.IMMINENT, level("hab mein fahrrad meinem bruder geschenkt, brauch ich eh nimmer"));
        assertNull(level("gave my old bike to my cousin, i got a new one for christmas"));
    }

    @Test
    void meansCarriedOnTheWayWithATime() {
        assertEquals(RiskLevel.IMMINENT, level("the pills are in my bag, heading to the river in an hour"));
        assertEquals(RiskLevel.IMMINENT, level("die tabletten sind im rucksack, geh jetzt zum see, in einer stunde ist es vorbei"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai les medocs dans mon sac, je pars au pont dans une heure"));
        assertEquals(RiskLevel.IMMINENT, level("tengo las pastillas en la mochila, voy camino al rio, a las 11 lo hago"));
        assertNull(level("the snacks are in my bag, heading to the beach in an hour"));
    }

    @Test
    void savedMeansWithADayAndAPlaceNotLeft() {
        assertEquals(RiskLevel.IMMINENT, level("been putting aside my sleeping pills for weeks, there's enough now, saturday"));
        assertEquals(RiskLevel.IMMINENT, level("estoy en el puente de la autopista, no pienso bajarme"));
        assertEquals(RiskLevel.IMMINENT, level("im on the roof of the car park, not going back"));
        assertNull(level("im on the roof of the car park, going back down to the car now"));
    }

    @Test
    void meansAtHandAndAFarewellAreImminentNotAPlanAtHigh() {
        assertEquals(RiskLevel.IMMINENT, level("the blade is next to me, the bath is warm. bye everyone"));
        assertEquals(RiskLevel.IMMINENT, level("las pastillas están a mi lado. adiós a todos, los quiero"));
        assertEquals(RiskLevel.IMMINENT, level("die tabletten liegen neben mir. tschüss an alle"));
        assertNull(level("my vitamins are next to me on the desk. bye for now, see you at group on thursday"));
    }

    @Test
    void meansAtHandAndOthersAsleepAreATime() {
        assertEquals(RiskLevel.IMMINENT, level("las pastillas están listas, cuando mi madre se duerma me las tomo"));
        assertEquals(RiskLevel.IMMINENT, level("die tabletten liegen bereit, wenn mein freund pennt nehm ich alle"));
    }

    @Test
    void preparationsAndThenAFarewell() {
        assertEquals(RiskLevel.IMMINENT, level("paid off my debts and tidied everything. bye"));
        assertEquals(RiskLevel.IMMINENT, level("pagué mis deudas y ordené todo. adiós"));
        assertEquals(RiskLevel.IMMINENT, level("hab meine schulden bezahlt und alles aufgeräumt. tschüss"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai payé mes dettes et tout rangé. adieu"));
        assertEquals(RiskLevel.IMMINENT, level("os dejo, esta es mi última noche. gracias por escucharme"));
        assertNull(level("sold my old debts to nobody lol, tidied everything for the party. see you tomorrow"));
        assertNull(level("this is my last night in paris. thanks for putting up with my photos all week"));
    }

    @Test
    void hypothesesAreMarkedOncePerToken() {
        // every "if" and "si" begins a clause, nested in one another's clauses: each token is marked once
        String text = "if if if if si si si si tomorrow, si falls demain if, ".repeat(2_000);
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize(text));
        ComboReading r = BUNDLED.combos.read(t);
        assertTrue(r.hypotheticalMarked > 0 && r.hypotheticalMarked <= t.length,
                "marked " + r.hypotheticalMarked + " of " + t.length);
        // a long run of paired negators looks at most a few words ahead each: it still ends, and decides nothing
        assertNull(level("ne ".repeat(20_000) + "plus"));
    }

    @Test
    void aRelapseToldWithItsCleanTime() {
        assertEquals(RiskLevel.HIGH, level("3 months clean and i slipped up last night, did my arm again"));
        assertEquals(RiskLevel.HIGH, level("tres meses limpia y anoche otra vez con la cuchilla"));
        assertEquals(RiskLevel.HIGH, level("6 mois clean et hier soir j'ai recommencé, encore le bras"));
        assertNull(level("6 months clean today and proud, didnt do it again last night even though i wanted to"));
    }

    @Test
    void methodThoughtsAboutTrainsAndMethodResearch() {
        assertEquals(RiskLevel.HIGH, level("keep picturing stepping in front of the morning train"));
        assertEquals(RiskLevel.HIGH, level("pienso mucho en tirarme al metro cuando lo espero"));
        assertEquals(RiskLevel.HIGH, level("denk oft dran mich vor die ubahn zu werfen"));
        assertEquals(RiskLevel.HIGH, level("looked up which bridges have no barriers, dont know why"));
        assertEquals(RiskLevel.HIGH, level("estuve leyendo en foros que altura hace falta desde un edificio"));
        assertEquals(RiskLevel.HIGH, level("hab nachgelesen was passiert wenn man zu viel paracetamol nimmt"));
        assertNull(level("my train was late again, keep picturing my bed"));
        assertNull(level("looked up how high the eiffel tower is for my homework"));
    }
}
