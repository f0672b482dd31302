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
 * The English and Spanish kinds of the thirteenth round (blind set 10's misses, and the known
 * weaknesses named in the brief; {@code crisis/combos.yaml} "round 13 en/es", the "round 13 en/es"
 * blocks of {@code rules/en.yaml} and {@code rules/es.yaml}, an ellipsis read as a pause
 * ({@link Tokenizer}) and concept words folded short ({@link ConceptLexicon}), with the rules
 * alone. Every line is written for this test (none is a line of a labelled set).
 */
class RiskRound13EnEsTest {
    @Test
    void anEllipsisIsAPauseNotTheEndOfTheSentence() {
        assertEquals(RiskLevel.IMMINENT, level("after everyone's asleep... the rope is in my closet"));
        assertEquals(RiskLevel.IMMINENT, level("after everyone's asleep… the rope is in my closet"));
        // a full stop still ends a sentence, and a look-alike stays benign across the pause
        assertNull(level("after everyone's asleep... i'll finally get some reading done"));
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("tonight... the pills. done"));
        assertEquals(Token.Boundary.CLAUSE, t[1].before, "an ellipsis is a clause boundary");
        assertEquals(Token.Boundary.SENTENCE, t[3].before, "a full stop is a sentence boundary");
    }

    /** German "see" folds to "se", "tee" to "te": a Spanish "se" or "te" is neither a lake nor tea. */
    @Test
    void aConceptWordFoldedShortIsNotAnotherLanguagesShortWord() {
        assertEquals(RiskLevel.HIGH, level("mi último intento fue en noviembre, la marca todavía se nota"));
        assertEquals(RiskLevel.HIGH, level("mi último intento fue en marzo, la cicatriz todavía se ve"));
        // the lake itself still cancels
        assertNull(level("mein letzter versuch am see war im märz, die narbe vom sprung sieht man noch"));
    }

    @Test
    void lettersLeftWhereTheyWillBeFoundAreAGoodbye() {
        assertEquals(RiskLevel.IMMINENT, level("wrote a letter for my brother, it's under my pillow. someone should know"));
        assertEquals(RiskLevel.IMMINENT, level("left notes for my parents on the kitchen table"));
        assertEquals(RiskLevel.IMMINENT, level("le dejé una carta a mi mamá en la mesa de la cocina"));
        assertNull(level("wrote a letter to my grandma, she loves getting post"));
        assertNull(level("left a birthday letter for mum on the kitchen table"));
        assertNull(level("le dejé una carta a mi abuela por su cumpleaños"));
    }

    @Test
    void thingsSharedOutOrPutInOrderAreAGoodbye() {
        assertEquals(RiskLevel.IMMINENT, level("decided who gets my bike and my laptop. feel weirdly calm"));
        assertEquals(RiskLevel.IMMINENT,
                level("le regalé mi guitarra a mi prima y le devolví el dinero a mi tío. ya está todo en orden"));
        assertNull(level("gave my old guitar to my cousin since i got a new one"));
        assertNull(level("le regalé mi play vieja a mi primo porque me compré otra"));
    }

    @Test
    void waitingAtADangerousSpotUntilReadyIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("sitting in my car at the top of the quarry. just waiting till i'm ready"));
        assertNull(level("parked at the cliff car park to watch the sunset, so pretty"));
    }

    @Test
    void aMeansWithItsEverydayPurposeDeniedIsAPlan() {
        assertEquals(RiskLevel.IMMINENT, level("got a rope this morning. not for anything normal"));
        // a rope for a named everyday purpose is no means, even with a day next to it
        assertNull(level("bought a rope for the climbing trip this weekend"));
        assertNull(level("compré una cuerda para tender la ropa este sábado"));
    }

    @Test
    void askingHowMuchItTakesForOneselfIsMethodResearch() {
        assertEquals(RiskLevel.HIGH, level("how many of my 100mg sertraline would it take, asking for myself"));
        assertEquals(RiskLevel.HIGH, level("how long does it take to bleed out, not for a story"));
        assertEquals(RiskLevel.HIGH, level("a partir de cuántos pisos ya no sobrevives una caída? pregunto por mí"));
        assertNull(level("how long can you survive without coffee lol"));
        assertNull(level("how many pills can i take for my headache, asking for me"));
        assertNull(level("a partir de mañana empiezo el gimnasio, cuántos días a la semana?"));
    }

    @Test
    void bleedingThatWillNotStopAndNobodyMustComeIsAnActInProgress() {
        assertEquals(RiskLevel.IMMINENT, level("sliced way too deep and the bleeding won't stop, don't ring anyone"));
        assertNull(level("cut my finger chopping onions, it won't stop bleeding lol"));
    }

    @Test
    void whatWasMissingBoughtAndADayOrAPlaceWhenNobodyIsThere() {
        assertEquals(RiskLevel.IMMINENT, level("compré lo que me faltaba en la ferretería. hoy es el día"));
        assertEquals(RiskLevel.IMMINENT, level("mañana a primera hora en el puente cuando no haya nadie"));
        assertNull(level("compré lo que me faltaba para la fiesta, hoy es el día!"));
        assertNull(level("mañana a primera hora en el puente cuando no haya nadie saco fotos del amanecer"));
    }

    @Test
    void concernKindsInEverydayWords() {
        assertEquals(RiskLevel.CONCERN, level("kinda hoping i don't make it to 40 tbh"));
        assertEquals(RiskLevel.CONCERN, level("my boyfriend grabbed my neck last night and said it was my fault"));
        assertEquals(RiskLevel.CONCERN, level("no future for me. i ruined everything i touched"));
        assertEquals(RiskLevel.CONCERN, level("no veo futuro para mí, arruiné todo"));
        assertEquals(RiskLevel.CONCERN, level("ojalá me diera algo y me muriera"));
        assertEquals(RiskLevel.CONCERN, level("ya no le veo sentido a nd"));
        assertNull(level("hoping i don't make it to the meeting on time lol"));
        assertNull(level("no future for this phone, the screen is gone"));
        assertNull(level("el partido no tiene futuro, vamos perdiendo 3 a 0"));
        assertTrue(level("el suicidio me ronda la cabeza todo el día").compareTo(RiskLevel.HIGH) >= 0);
    }

    /** A place that "keeps pulling at me" is an attraction; an act told with it is a thought of a method. */
    @Test
    void aPullIsNoMethodWithoutAnAct() {
        assertNull(level("the bridge keeps pulling at me, i want to photograph it every time i cross it"));
        assertNull(level("the cliff path keeps pulling at me, i think about hiking it every weekend"));
        assertEquals(RiskLevel.HIGH,
                level("the train line near my flat keeps pulling at me, i think about stepping out when the fast one comes"));
    }
}
