package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Twenty-fourth round, the engine: a span of time clean after a past act ({@link CleanSpan}); a question about risk
 * answered no with the noun or after a modal ({@link AnsweredQuestion}); a wish ruled out as a hypothesis
 * ({@link NeverWould}); a place named in a scene of leisure ({@link BenignScene}); a person inside a time or a
 * cause ({@link LanguageContext#thirdPersonSubject}); signals told in short sentences in a row
 * ({@link ConceptCombos#SHORT_MESSAGE}). Every line was
 * written for this test; the rules alone decide. Each test of lines held to a card fails with the engine of the
 * round's start (535f2e9); each risk look-alike stays found.
 */
class RiskRound24EngineTest {

    private static Token[] tokens(String text) {
        return RulesAlone.BUNDLED.tokenizer.tokenize(RulesAlone.NORMALIZER.normalize(text));
    }

    @Test
    void aSpanOfTimeCleanAfterAPastActIsACardAtMost() {
        String[] lines = {
            "i self harmed all through uni, 3 years clean now and proud of it",
            "cut myself for years, 18 months clean today",
            "hab mich früher geritzt, bin jetzt seit 4 jahren clean",
            "hatte als teenager selbstmordgedanken, seit zwei jahren frei davon",
            "me autolesionaba de adolescente, llevo 3 años sin hacerlo",
            "je me scarifiais les bras, ça fait 4 ans que j'ai arrêté",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aPresentUrgeOrActOrACleanTimeOverStaysFound() {
        String[] lines = {
            "clean 6 days, want to cut so bad tonight",
            "i was clean 2 years but i cut again last night",
            "after 3 years clean i relapsed and cut last night",
            "i want to kill myself, been clean from heroin 2 years and still empty",
            "war 2 jahre clean, gestern hab ich mich wieder geritzt",
            "hab mich gestern wieder geritzt, 2 jahre clean umsonst",
            "estuve un año sin cortarme pero ayer me volví a cortar",
            "llevo 2 años sin trabajo y quiero morirme",
            "j'étais clean depuis 2 ans mais hier je me suis scarifiée",
            "je me suis coupée hier soir, 6 mois clean foutus",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void aCleanSpanNeedsMonthsOrYearsNearAWordOfBeingClean() {
        assertTrue(CleanSpan.startsAt(tokens("i cut, 3 years clean now"), 2));
        assertTrue(CleanSpan.startsAt(tokens("ich hab geritzt, seit drei jahren clean"), 3));
        assertFalse(CleanSpan.startsAt(tokens("i cut, 3 days clean now"), 2));
        assertFalse(CleanSpan.startsAt(tokens("i cut, was 3 years clean"), 2));
        assertFalse(CleanSpan.startsAt(tokens("i cut, 3 years and my room is clean"), 2));
        Token[] t = tokens("i cut, 3 years clean now");
        boolean[] past = new boolean[t.length];
        assertEquals(1, CleanSpan.markPast(t, past));
        assertTrue(past[0] && past[1] && !past[2]);
    }

    @Test
    void aQuestionAboutRiskAnsweredNoAsANounOrAfterAModalIsNoSignal() {
        String[] lines = {
            "the gp asked whether i'd thought about suicide lately and the answer was no",
            "la psicóloga me preguntó si pensaba en quitarme la vida y la respuesta fue que no",
            "die therapeutin hat gefragt ob ich noch an selbstmord denke und ich konnte ehrlich nein sagen",
            "le médecin m'a demandé si j'avais des idées suicidaires et j'ai pu répondre non",
            "la psy m'a demandé si je pensais au suicide, la réponse était non",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void anAnswerYesALieOrANoNotSaidKeepsTheSignal() {
        String[] lines = {
            "the nurse asked if i had thoughts of suicide, i said no but i lied",
            "my therapist asked if i want to kill myself and the answer is yes and no one knows",
            "she asked if i'm suicidal and the answer was no. truth is i want to die",
            "he asked if i wanted to die and i couldn't say no",
            "me preguntó si quería matarme y la respuesta fue que sí",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void aWishRuledOutAsAHypothesisIsNoSignal() {
        String[] lines = {
            "no way i'd ever kill myself, my kids need me",
            "not in a million years would i hurt myself like that again",
            "de ninguna manera intentaría suicidarme, quiero ver crecer a mis nietos",
            "nie im Leben würde ich mich umbringen, ich hab meine Kinder",
            "auf keinen fall würde ich mir das leben nehmen, meine eltern würden das nicht verkraften",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void notLastingOrAWishAfterTheDenialsClauseStaysFound() {
        String[] lines = {
            "no way i'd survive another week like this, i want to die",
            "no way i'd ever get better and i want to kill myself",
            "ni de broma aguantaría otro mes así, quiero morirme",
            "i want to die, no way out of this",
            "auf keinen fall halte ich das noch aus, ich will sterben",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
        assertEquals(null, NeverWould.mark(tokens("no way i'd survive another week like this")));
        assertEquals(null, NeverWould.mark(tokens("ni de broma aguantaría otro mes así")));
        assertEquals(null, NeverWould.mark(tokens("no way out, i want to die")));
        assertTrue(NeverWould.mark(tokens("no way i'd ever kill myself"))[4]);
    }

    @Test
    void aPlaceNamedInASceneOfLeisureIsACardAtMost() {
        String[] lines = {
            "sitting on the roof now with my coffee, the sunrise is gorgeous",
            "estoy en el puente ahora, paseando con mi perro, qué vistas",
            "steh grad auf der brücke, erster spaziergang seit wochen, die sonne scheint",
            "je suis sur le pont là, balade au soleil avec ma fille",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aPlaceWithAnotherRiskOrAWordOfActingStaysImminent() {
        String[] lines = {
            "i'm at the bridge now. nobody will miss me",
            "standing on the bridge now, the sunset is pretty. goodbye everyone",
            "estoy en el puente ahora, qué vistas, adiós a todos",
            "steh grad auf der brücke, die sonne scheint, ich spring gleich",
            "i'm on the ledge right now",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.IMMINENT, line);
        }
    }

    @Test
    void aPersonInsideATimeOrACauseIsNoReportAboutThem() {
        String[] lines = {
            "seit der trennung von meiner freundin total suizidal",
            "nach dem tod von mama ständig selbstmordgedanken",
            "after the funeral of my grandpa totally suicidal",
            "depuis la rupture avec mon copain envie de mourir tous les jours",
            "depuis la dispute avec ma mère idées suicidaires tous les jours",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
            assertFalse(RulesAlone.assess(line).categories().contains(RiskCategory.THIRD_PARTY), line);
        }
    }

    @Test
    void aPersonWhoIsTheSubjectStaysSomeoneElse() {
        String[] lines = {
            "since the divorce my dad is suicidal",
            "my dad has been suicidal since the accident",
            "mein vater ist seit dem unfall suizidal",
            "mi hermano quiere morirse desde que lo echaron",
            "ma sœur a envie de mourir depuis la rupture",
        };
        for (String line : lines) {
            assertNoPage(line);
            assertTrue(RulesAlone.assess(line).categories().contains(RiskCategory.THIRD_PARTY), line);
        }
    }

    @Test
    void signalsToldInThreeShortSentencesCombine() {
        String[] lines = {
            "ya lo decidí. el viernes después del curro. se acabó",
            "décision prise. samedi soir. la fin",
            "decidido. mañana. se termina",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.IMMINENT, line);
        }
    }

    @Test
    void aLongMessageWithAnUnrelatedSentenceBetweenDoesNotCombine() {
        String[] lines = {
            "decidido. mañana. hoy fui al mercado con mi madre y compramos fruta, pan y queso para toda la semana. se termina",
            "décision prise. samedi soir. on a mangé chez mes parents avec mon frère et sa copine, super soirée en famille. la fin",
            "decided. saturday night we are going bowling with the whole team from work, my cousin is coming too and we booked two lanes. it's over by ten",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }
}
