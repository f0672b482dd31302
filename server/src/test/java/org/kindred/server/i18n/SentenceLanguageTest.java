package org.kindred.server.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;

/**
 * A {@link Sentence} (catalog key + arguments) is put into words only for its reader: the same
 * notice or error reads in each reader's language, survives its trip through the server as a token,
 * and never reaches anyone as a token.
 */
class SentenceLanguageTest {
    private static final ServerText TEXT = ServerText.get();

    @Test
    void aSentenceIsPutIntoTheReadersLanguageWithItsArguments() {
        Sentence slow = Sentence.of("notice.slow_mode.on", "seconds", 30);
        assertEquals("Slow mode is on: one message every 30 seconds.", slow.text("en-GB"));
        assertEquals("El modo lento está activado: un mensaje cada 30 segundos.", slow.text("es-MX"));
        assertEquals("Der langsame Modus ist an: eine Nachricht alle 30 Sekunden.", slow.text("de"));
        assertEquals("Slow mode is on: one message every 30 seconds.", slow.text("ja"), "English for other languages");
    }

    @Test
    void durationsAreWordsOfTheSameLanguageWithTheirPluralForm() {
        Sentence muted = Sentence.of("notice.muted.reason", "duration", Sentence.duration(600)).with("reason", "{x}");
        assertEquals("A moderator has paused your messages here for 10 minutes: {x}", muted.english());
        assertEquals("Das Moderationsteam hat deine Nachrichten hier für 10 Minuten pausiert: {x}", muted.text("de"));
        assertEquals("1 hour", Sentence.duration(3600).english());
        assertEquals("2 Stunden", Sentence.duration(7200).text("de"));
        assertEquals("1 segundo", Sentence.duration(1).text("es"));
        assertEquals("90 seconds", Sentence.duration(90).english());
        assertEquals("5\u00a0minutes", Sentence.duration(300).text("fr"), "French keeps the number with its unit");
    }

    @Test
    void aTokenStandsForTheSentenceAndReadsBackWhole() {
        Sentence s = Sentence.of("notice.held_rejected.reason", "reason", "\u0000\"}{not json")
                .with("nested", Sentence.duration(120));
        String token = s.token();
        assertTrue(Sentence.isToken(token));
        assertEquals(s, Sentence.fromToken(token));
        assertNull(Sentence.fromToken("A moderator has locked this room for now."), "words are not a token");
        assertNull(Sentence.fromToken("\u0000{\"k\":\"no.such.key\"}"), "an unknown key is not a sentence");
        assertNull(Sentence.fromToken("\u0000not json"));
        assertFalse(s.toString().contains("not json"), "what a moderator typed stays out of logs");
    }

    @Test
    void aNoticeCarryingASentenceIsLocalisedAndAnyOtherMessageLeftAlone() {
        ServerMessage.Notice n = Sentence.of("notice.locked").notice("general", "locked");
        assertTrue(ServerText.perLanguage(n));
        ServerMessage fr = TEXT.localize((ServerMessage) n, "fr-CA");
        assertEquals(new ServerMessage.Notice("general", "locked",
                "L'équipe de modération a verrouillé ce salon pour le moment."), fr);
        assertEquals(new ServerMessage.Notice("general", "locked", "A moderator has locked this room for now."),
                TEXT.localize((ServerMessage) n, null));
        ServerMessage words = new ServerMessage.Notice("general", "warned", "already words");
        assertFalse(ServerText.perLanguage(words));
        assertSame(words, TEXT.localize(words, "de"));
    }

    @Test
    void anErrorCarryingASentenceGetsThatSentenceInEveryLanguageEnglishIncluded() {
        ServerMessage.Error e = Sentence.of("moderation.blocked.threat").error("s1", ErrorCode.BLOCKED);
        assertEquals("Your message wasn't sent because it reads as a threat of violence.",
                TEXT.localize(e, "en").message());
        ServerMessage.Error fr = TEXT.localize(e, "fr");
        assertEquals("s1", fr.id());
        assertEquals(ErrorCode.BLOCKED, fr.code());
        assertEquals("Votre message n'a pas été envoyé, car il ressemble à une menace de violence.", fr.message());
    }

    @Test
    void aSentenceMustNameAKnownKeyAndTakeWordsOrSentences() {
        assertThrows(IllegalArgumentException.class, () -> Sentence.of("notice.no_such"));
        assertThrows(IllegalArgumentException.class, () -> Sentence.of("notice.muted", "duration", new Object()));
    }
}
