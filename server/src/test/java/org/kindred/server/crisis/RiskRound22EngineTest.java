package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Twenty-second round, the engine: laughter and a joke taken back outside quotes ({@link JokeMarks}), a question
 * someone asked answered no ({@link AnsweredQuestion}). Every line was written for this test; the rules alone
 * decide. Each test of a held line fails with the engine of the round's start (736f411); each risk look-alike
 * stays found.
 */
class RiskRound22EngineTest {

    @Test
    void aDeathWishNextToALaughingEmojiIsACard() {
        String[] lines = {
            "me quiero morir, se me cayó la tarta en la boda de mi prima delante de todos 🤣",
            "i want to die, called my teacher mum in front of the whole class 😂",
            "ich will sterben, bin vor allen im zumba-kurs hingefallen 🤣",
            "je veux mourir, j'ai appelé mon prof maman devant tout le monde 😂",
        };
        for (String line : lines) {
            assertEquals(RiskLevel.CONCERN, level(line), () -> "laughter after a mishap is a card: " + line);
        }
    }

    @Test
    void aSuicideWordTakenBackAsAJokeIsACard() {
        String[] lines = {
            "kms 😂 jk i just liked my crush's photo from 2019",
            "jvais me tuer mdr (non) j'ai raté mon train pour la troisième fois",
            "me voy a matar jajaja es broma, se me quemó el arroz otra vez",
            "ich will mich umbringen haha nur spaß, hab meinen schlüssel schon wieder vergessen",
        };
        for (String line : lines) {
            RiskLevel l = level(line);
            assertEquals(RiskLevel.CONCERN, l, () -> "a joke taken back is a card: " + line);
        }
    }

    @Test
    void laughterAloneDoesNotHoldASuicideWord() {
        // the tenth round's decision stands: a laugh marker never lowers a suicide word by itself
        assertAtLeast(RiskLevel.HIGH, "kms lol");
        assertAtLeast(RiskLevel.HIGH, "i'm going to kill myself lmao");
    }

    @Test
    void aJokeSaidInEarnestIsNoJoke() {
        String[] lines = {
            "me quiero morir jajaja no es broma",
            "i want to die 😂 not kidding",
            "je veux mourir mdr c'est pas une blague",
            "ich will sterben haha kein spaß",
            "kms lol jk... no seriously i think about it every day",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void aJokeWithATimeAndAMeansStillPages() {
        String[] lines = {
            "lol jk im going to kill myself tonight, the pills are ready",
            "jvais me tuer ce soir mdr (non) enfin si, j'ai les cachets",
            "me voy a matar esta noche jaja es broma, ya tengo las pastillas",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
            RiskLevel l = level(line);
            assertEquals(true, l.escalates(), () -> "a time and a means page whatever the laughter: " + line);
        }
    }

    @Test
    void aJokeTakenBackFarFromTheDarkPhraseHoldsNothing() {
        // the take-back word belongs to the words right before it, not to a wish a sentence earlier
        assertAtLeast(RiskLevel.HIGH,
                "i want to kill myself. anyway my cat knocked my plant over and i yelled at her lol jk");
    }

    @Test
    void aQuestionAnsweredNoIsNoDisclosure() {
        String[] lines = {
            "my gp asked if i've been having thoughts of suicide and i said no, which felt good to say",
            "la psicóloga me preguntó si pensaba en quitarme la vida y le dije que no, por fin",
            "sie hat gefragt, ob ich mich umbringen will, und ich hab nein gesagt",
            "le médecin m'a demandé si j'avais envie de me suicider, j'ai répondu non",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aQuestionAnsweredYesOrNotAnsweredOrAnsweredWithALieStaysFound() {
        assertAtLeast(RiskLevel.HIGH, "my therapist asked if i've had thoughts of ending my life and i said yes");
        assertAtLeast(RiskLevel.HIGH, "my therapist asked if i've had thoughts of ending my life and i said no but i lied");
        assertAtLeast(RiskLevel.HIGH, "my therapist asked if i've had thoughts of ending my life");
        assertAtLeast(RiskLevel.HIGH, "she asked if i was ok and i said no, i want to die");
        assertAtLeast(RiskLevel.HIGH, "la psicóloga me preguntó si estaba bien y le dije que no, quiero morirme");
    }

    @Test
    void aQuotedLineOfAWorkOfFictionIsTheWorks() {
        String[] lines = {
            "for the school play my line is \"i'm going to end it all tonight\" and i keep forgetting it",
            "\"this is my goodbye\" is the best song on the album, on repeat since friday",
            "mi guion: el protagonista dice \"me voy a matar esta noche\"",
            "dans ma pièce de théâtre je joue une fille qui dit \"je vais me tuer ce soir\"",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aQuoteOfTheWritersOwnOutsideFictionStaysFound() {
        assertEquals(RiskLevel.IMMINENT, level("in my diary i write: \"i'm going to kill myself tonight\""));
        assertEquals(RiskLevel.IMMINENT, level("i'm writing my goodbye letter tonight"));
    }
}
