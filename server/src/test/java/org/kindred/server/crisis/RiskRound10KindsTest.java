package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.NORMALIZER;
import static org.kindred.server.crisis.RulesAlone.BUNDLED;
import static org.kindred.server.crisis.RulesAlone.level;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The kinds of the tenth round (blind set 7's misses, {@code crisis/combos.yaml} "round 10" and the
 * code they needed), with the rules alone so a line passes only through the rules and combinations:
 * laugh markers, masked suicide words, farewells across two sentences, a gun in front of the writer,
 * a dangerous place now, acts in progress, attempts told as stories, abuse without the rules' verbs,
 * everyday passive death wishes, method thoughts without a plan word, a decided time or place in
 * other words, and their look-alikes. Every line is written for this test (none is a line of a
 * labelled set), in English, Spanish, German and French.
 */
class RiskRound10KindsTest {
    private static void atLeast(RiskLevel expected, String text) {
        RiskLevel got = level(text);
        assertTrue(got != null && got.compareTo(expected) >= 0, text + " -> " + got);
    }

    @Test
    void aLaughMarkerLowersADeathWishToACardNeverAPlan() {
        assertEquals(RiskLevel.CONCERN, level("spilled coffee on my white shirt before the interview, i want to die lmao"));
        assertEquals(RiskLevel.CONCERN, level("se me cayó el helado al piso, me quiero morir jajaja"));
        assertEquals(RiskLevel.CONCERN, level("mein handy ist ins klo gefallen, ich will sterben haha"));
        assertEquals(RiskLevel.CONCERN, level("j'ai raté le dernier bus, j'ai envie de mourir mdr"));
        assertEquals(RiskLevel.CONCERN, level("j'ai raté le dernier bus, j'ai envie de mourir ptdr"));
        // without the marker the same words are a death wish at high
        assertEquals(RiskLevel.HIGH, level("se me cayó el helado al piso, me quiero morir"));
        assertEquals(RiskLevel.HIGH, level("j'ai raté le dernier bus, j'ai envie de mourir"));
        // never an imminent plan, never a suicide word
        assertEquals(RiskLevel.IMMINENT, level("i want to die lol, the pills are ready for tonight"));
        assertEquals(RiskLevel.HIGH, level("thinking about suicide again lol"));
        // the model's second opinion cannot page either
        RiskOutcome o = new RiskOutcome();
        o.level = RiskLevel.HIGH;
        o.self.add(RiskCategory.IDEATION);
        o.laugh = true;
        o.secondOpinion(RiskLevel.IMMINENT, true);
        assertFalse(o.toAssessment().escalates(), "a laugh marker keeps the model's raise to a card");
    }

    @Test
    void maskedAndMisspeltSuicideWords() {
        assertEquals(RiskLevel.HIGH, level("been thinking about s*icide a lot lately"));
        assertEquals(RiskLevel.HIGH, level("pienso mucho en el s*icidio últimamente"));
        assertEquals(RiskLevel.HIGH, level("ich denk ständig an s*izid"));
        assertEquals(RiskLevel.HIGH, level("je pense au s**cide tous les soirs"));
        assertEquals(RiskLevel.HIGH, level("hab suizitgedanken seit dem umzug"));
        assertEquals(RiskLevel.HIGH, level("tengo ganas de desvivirme todo el día"));
        assertNull(level("s*** happens, what a day"));
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("thinking about s*ic*de"));
        assertEquals("suicide", t[t.length - 1].text, "pieces between masks read as the one word that fits");
        assertEquals(4, BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("hel*lo wor*ld")).length, "no risk word fits: pieces stay");
    }

    @Test
    void farewellsAcrossTwoSentences() {
        assertEquals(RiskLevel.IMMINENT, level("this is my goodbye. thank you for everything, all of you"));
        assertEquals(RiskLevel.IMMINENT, level("me despido. gracias por todo, cuídense mucho"));
        assertEquals(RiskLevel.IMMINENT, level("tschüss an alle. danke für alles, passt auf euch auf"));
        assertEquals(RiskLevel.IMMINENT, level("je vous dis adieu. merci pour tout, prenez soin de vous"));
        assertEquals(RiskLevel.IMMINENT, level("up on the roof of the car park. tell my dad i'm sorry"));
        assertEquals(RiskLevel.IMMINENT, level("estoy en la azotea. díganle a mi mamá que la quiero"));
        assertEquals(RiskLevel.IMMINENT, level("bin auf dem dach vom parkhaus. sagt meiner schwester dass ich sie lieb hab"));
        assertEquals(RiskLevel.IMMINENT, level("sur le toit de l'immeuble. dites à mon frère que je l'aime"));
        assertEquals(RiskLevel.IMMINENT, level("gave my cat to my neighbour. wrote a letter to my parents too"));
    }

    /** A combination with {@code sentences: 2} reads a sentence with the one before it, and no further. */
    @Test
    void twoSentencesAreReadTogetherOnlyWhenAdjacent() {
        ConceptCombos c = ConceptCombosLoader.compile(new ConceptCombosLoader.File("t", 8,
                Map.of("a", Map.of("en", List.of("alpha")), "b", Map.of("en", List.of("bravo"))),
                List.of(new ConceptCombosLoader.ComboEntry(List.of("a", "b"), null, 20, "goodbye", "imminent", null,
                        null, null, null, 2))), NORMALIZER, LanguageContext.union(List.of()));
        assertEquals(1, c.find(tokens("alpha one. bravo two")).size(), "adjacent sentences");
        assertEquals(1, c.find(tokens("alpha bravo. nothing here")).size(), "one sentence, found once");
        assertEquals(0, c.find(tokens("alpha one. nothing here. bravo two")).size(), "a sentence between");
        ConceptCombos one = ConceptCombosLoader.compile(new ConceptCombosLoader.File("t", 8,
                Map.of("a", Map.of("en", List.of("alpha")), "b", Map.of("en", List.of("bravo"))),
                List.of(new ConceptCombosLoader.ComboEntry(List.of("a", "b"), null, 16, "goodbye", "imminent", null,
                        null, null, null, null))), NORMALIZER, LanguageContext.union(List.of()));
        assertEquals(0, one.find(tokens("alpha one. bravo two")).size(), "one sentence by default");
    }

    @Test
    void manySentencesAreCopiedAtMostThreeTimes() {
        String text = "goodbye everyone. thank you for everything. ".repeat(4_000);
        ComboReading r = BUNDLED.combos.read(tokens(text));
        assertTrue(r.occurrences > 8_000, "occurrences: " + r.occurrences);
        assertTrue(r.copied <= 3 * r.occurrences, "copied " + r.copied + " of " + r.occurrences);
        assertTrue(r.matches.size() <= 2 * BUNDLED.combos.combos.size() * 8_000, "matches: " + r.matches.size());
        Token[] masked = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("su*ic*de ".repeat(5_000)));
        assertEquals(15_000, masked.length, "no run of pieces fits a word: every piece stays, each tried once");
    }

    @Test
    void aGunInFrontOfTheWriter() {
        assertEquals(RiskLevel.IMMINENT, level("my dad's rifle is loaded and lying next to me"));
        assertEquals(RiskLevel.IMMINENT, level("la pistola está cargada, la tengo en la mano"));
        assertEquals(RiskLevel.IMMINENT, level("die pistole ist geladen und liegt neben mir"));
        assertEquals(RiskLevel.IMMINENT, level("le pistolet est chargé, posé à côté de moi"));
        atLeast(RiskLevel.HIGH, "can't stop thinking about the gun in my dad's closet");
        assertNull(level("the water gun is loaded and next to me, come at me lol"));
        assertNull(level("mi pistola de agua está cargada, cuidado hermanito"));
        assertNull(level("die wasserpistole ist geladen, pass bloß auf"));
        assertNull(level("mon pistolet à eau est chargé, attention"));
    }

    @Test
    void atADangerousPlaceNow() {
        assertEquals(RiskLevel.IMMINENT, level("standing on my balcony on the 9th floor looking down"));
        assertEquals(RiskLevel.IMMINENT, level("estoy parada en el balcón del piso 12 mirando abajo"));
        assertEquals(RiskLevel.IMMINENT, level("ich steh auf dem balkon im 8. stock und schau runter"));
        assertEquals(RiskLevel.IMMINENT, level("je suis sur le balcon au 10e étage, je regarde en bas"));
        assertEquals(RiskLevel.IMMINENT, level("im on the roof and im not coming down"));
        assertEquals(RiskLevel.IMMINENT, level("estoy en la azotea y no me voy a bajar"));
        assertEquals(RiskLevel.IMMINENT, level("bin auf dem dach und komm nicht runter"));
        assertEquals(RiskLevel.IMMINENT, level("je suis sur le toit et je descendrai pas"));
        assertEquals(RiskLevel.IMMINENT, level("im at the river with stones in my pockets"));
        assertEquals(RiskLevel.IMMINENT, level("bin am fluss, steine in den taschen"));
        assertNull(level("standing on the balcony on the 9th floor watching the fireworks"));
        // "8. stock": a number's full stop before a lower-case word is no sentence end
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("im 8. stock. Dann"));
        assertEquals(Token.Boundary.NONE, t[2].before);
        assertEquals(Token.Boundary.SENTENCE, t[3].before);
    }

    @Test
    void actsInProgress() {
        assertEquals(RiskLevel.IMMINENT, level("took half the bottle already, the rest after this message"));
        assertEquals(RiskLevel.IMMINENT, level("ya me tomé la mitad, el resto en un rato"));
        assertEquals(RiskLevel.IMMINENT, level("hab schon die hälfte genommen, den rest nehm ich gleich"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai déjà pris la moitié, le reste dans dix minutes"));
        assertEquals(RiskLevel.IMMINENT, level("cut my arm too deep and it won't stop bleeding"));
        assertEquals(RiskLevel.IMMINENT, level("me corté el brazo y no para de sangrar"));
        assertEquals(RiskLevel.IMMINENT, level("je me suis coupé le bras et ça s'arrête pas de saigner"));
        assertEquals(RiskLevel.IMMINENT, level("nobody's home till sunday and i have everything i need"));
        assertEquals(RiskLevel.IMMINENT, level("no hay nadie en casa hasta el lunes y ya tengo todo lo que necesito"));
        assertEquals(RiskLevel.IMMINENT, level("keiner zu hause bis montag, hab alles besorgt"));
        assertEquals(RiskLevel.IMMINENT, level("personne à la maison ce week-end, j'ai tout ce qu'il faut"));
        assertNull(level("ate half the pizza, saving the rest for tomorrow"));
        assertNull(level("j'ai mangé la moitié du gâteau, le reste pour demain"));
        assertNull(level("hab mir beim kochen in den finger geschnitten und es hört nicht auf zu bluten"));
    }

    @Test
    void attemptsAndInjuriesToldAsStories() {
        assertEquals(RiskLevel.HIGH, level("after my attempt they kept me on the ward for two weeks"));
        assertEquals(RiskLevel.HIGH, level("después de mi intento estuve en el psiquiátrico un mes"));
        assertEquals(RiskLevel.HIGH, level("nach meinem versuch lag ich zwei wochen in der klinik"));
        assertEquals(RiskLevel.HIGH, level("après ma tentative j'ai passé un mois en psychiatrie"));
        assertEquals(RiskLevel.HIGH, level("ayer me corté con la cuchilla, otra vez"));
        assertNull(level("my second attempt at the driving test went fine"));
        assertNull(level("corté con mi novio ayer y estoy hecha polvo"));
    }

    @Test
    void abuseWithoutTheRulesVerbs() {
        assertEquals(RiskLevel.CONCERN, level("my stepdad comes into my room at night"));
        assertEquals(RiskLevel.CONCERN, level("mi tío entra a mi cuarto por la noche"));
        assertEquals(RiskLevel.CONCERN, level("mein onkel kommt nachts in mein zimmer"));
        assertEquals(RiskLevel.CONCERN, level("mon beau-père vient dans ma chambre la nuit"));
        assertEquals(RiskLevel.CONCERN, level("my coach touches me after practice"));
        assertEquals(RiskLevel.CONCERN, level("mi primo me toca cuando no hay nadie"));
        assertEquals(RiskLevel.CONCERN, level("der nachbar fasst mich immer an wenn keiner da ist"));
        assertEquals(RiskLevel.CONCERN, level("mon voisin me touche quand personne regarde"));
        assertNull(level("my mom comes into my room at night to say goodnight"));
    }

    @Test
    void everydayPassiveDeathWishes() {
        assertEquals(RiskLevel.CONCERN, level("honestly it would be better if i had never been born"));
        assertEquals(RiskLevel.CONCERN, level("ojalá no hubiera nacido nunca"));
        assertEquals(RiskLevel.CONCERN, level("wär besser, ich wär nie geboren"));
        assertEquals(RiskLevel.CONCERN, level("j'aurais préféré ne jamais naître"));
        assertEquals(RiskLevel.CONCERN, level("lost the will to live since the diagnosis"));
        assertEquals(RiskLevel.CONCERN, level("ya no me quedan ganas de vivir con este dolor"));
        assertEquals(RiskLevel.CONCERN, level("hab keine lust mehr zu leben"));
        assertEquals(RiskLevel.CONCERN, level("plus aucune envie de vivre depuis l'accident"));
    }

    @Test
    void methodThoughtsWithoutAPlanWord() {
        assertEquals(RiskLevel.HIGH, level("i wonder if my mum's sleeping pills would be enough"));
        atLeast(RiskLevel.HIGH, "me pregunto si todas mis pastillas bastarían");
        assertEquals(RiskLevel.HIGH, level("frage mich ob meine schlaftabletten reichen würden"));
        assertEquals(RiskLevel.HIGH, level("je me demande si mes somnifères suffiraient"));
        assertNull(level("i wonder if two sleeping pills would be enough for the flight"));
    }

    @Test
    void aDecidedTimeOrPlaceInOtherWords() {
        assertEquals(RiskLevel.IMMINENT, level("picked the spot. doing it saturday"));
        assertEquals(RiskLevel.IMMINENT, level("hab den ort ausgesucht. samstag ist es soweit"));
        assertEquals(RiskLevel.IMMINENT, level("el viernes me voy al puente y no vuelvo"));
        assertEquals(RiskLevel.IMMINENT, level("am freitag fahr ich an den see und komm nicht zurück"));
        assertEquals(RiskLevel.IMMINENT, level("vendredi je pars au pont et je reviendrai pas"));
        assertNull(level("heading to spain on friday, not coming back until june"));
        assertNull(level("picked the spot for the picnic, saturday at noon"));
    }

    /**
     * The counted-clean-time ignores ("day 100 without cutting") were cut short by YAML, which read
     * " # …" as a comment: every "day", "Tag", "día" and "jour" was an ignore span that cancelled
     * the self-harm habit around it. Quoted, they need their number again.
     */
    @Test
    void cleanDayCountsNoLongerIgnoreEveryDay() {
        assertEquals(RiskLevel.HIGH, level("ich schlag mich jeden tag"));
        assertEquals(RiskLevel.HIGH, level("me doy golpes cada día"));
        assertEquals(RiskLevel.HIGH, level("je me frappe chaque jour"));
        assertEquals(RiskLevel.HIGH, level("i hit myself every day"));
        assertNull(level("100 days clean today"));
        assertNull(level("jour 100 sans me scarifier"));
        assertNull(level("tag 30 ohne ritzen"));
        assertNull(level("dia 40 sin cortarme"));
    }

    /** The committed look-alikes of this round's concepts (tuning data): none gets a card from the rules. */
    @Test
    void roundTenLookAlikesGetNoCard() throws Exception {
        List<BlindSetReport.Line> lines = BlindSetReport.read(java.nio.file.Path.of(
                getClass().getClassLoader().getResource("crisis/lookalikes-round10.tsv").toURI()));
        assertTrue(lines.size() >= 20, "lines: " + lines.size());
        for (BlindSetReport.Line l : lines) {
            assertNull(l.expected(), "look-alikes only");
            assertNull(level(l.text()), "line " + l.lineNumber());
        }
    }

    private static Token[] tokens(String text) {
        return BUNDLED.tokenizer.tokenize(NORMALIZER.normalize(text));
    }
}
