package org.kindred.server.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;

/** The server's sentence catalogs (i18n/*.json): complete in every language, and resolved with English as fallback. */
class ServerTextTest {
    private static final ServerText TEXT = ServerText.get();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglishWithTheSamePlaceholders() {
        Set<String> english = TEXT.keys("en");
        assertTrue(english.size() > 40, "the English catalog: " + english.size());
        List<String> problems = new ArrayList<>();
        for (String lang : ServerText.LANGUAGES) {
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(TEXT.keys(lang));
            Set<String> extra = new TreeSet<>(TEXT.keys(lang));
            extra.removeAll(english);
            if (!missing.isEmpty()) {
                problems.add(lang + ".json lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(lang + ".json has keys English does not: " + extra);
            }
            for (String key : TEXT.keys(lang)) {
                if (!english.contains(key)) {
                    continue;
                }
                String s = TEXT.text(key, lang);
                if (s.isBlank()) {
                    problems.add(lang + " " + key + " is blank");
                }
                if (!placeholders(s).equals(placeholders(TEXT.text(key, "en")))) {
                    problems.add(lang + " " + key + ": placeholders " + placeholders(s) + ", English has "
                            + placeholders(TEXT.text(key, "en")));
                }
                if (!"en".equals(lang) && s.equals(TEXT.text(key, "en"))) {
                    problems.add(lang + " " + key + " is still in English");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyErrorCodeHasASentenceInEveryLanguage() {
        for (ErrorCode code : ErrorCode.values()) {
            for (String lang : ServerText.LANGUAGES) {
                assertTrue(TEXT.keys(lang).contains("error." + code.wire()), lang + " lacks error." + code.wire());
            }
        }
    }

    @Test
    void theLanguageComesFromTheLocaleWithEnglishForEverythingElse() {
        assertEquals("es", ServerText.language("es-MX"));
        assertEquals("de", ServerText.language("de"));
        assertEquals("fr", ServerText.language("fr-CA"));
        assertEquals("en", ServerText.language("en-GB"));
        assertEquals("en", ServerText.language("pt-BR"), "a language Kindred lacks");
        assertEquals("en", ServerText.language(null));
        assertEquals("en", ServerText.language("  "));
        assertEquals("en", ServerText.language("not a tag!"), "malformed");
    }

    @Test
    void sentencesAreFilledAndFallBackToEnglish() {
        assertEquals("El modo lento está activado: un mensaje cada 30 segundos.",
                TEXT.text("notice.slow_mode.on", "es-ES", Map.of("seconds", 30)));
        assertEquals("Slow mode is on: one message every 30 seconds.",
                TEXT.text("notice.slow_mode.on", "pt-BR", Map.of("seconds", 30)), "English for another language");
        assertEquals("Slow mode is on: one message every {seconds} seconds.", TEXT.text("notice.slow_mode.on", "en"),
                "a placeholder without its argument stays as written");
        assertEquals("A moderator decided not to post your message: {not a name} {x}",
                TEXT.text("notice.held_rejected.reason", "en", Map.of("reason", "{not a name} {x}")),
                "arguments are inserted as they are, never read as placeholders");
        assertThrows(IllegalArgumentException.class, () -> TEXT.text("no.such.key", "de"));
    }

    @Test
    void anErrorIsLocalisedByItsCodeAndEnglishKeepsItsOwnSentence() {
        ServerMessage.Error e = new ServerMessage.Error("7", ErrorCode.RATE_LIMITED, "You're sending too fast.", 1200L);
        assertSame(e, TEXT.localize(e, "en-US"));
        assertSame(e, TEXT.localize(e, null));
        ServerMessage.Error de = TEXT.localize(e, "de-AT");
        assertEquals("7", de.id());
        assertEquals(ErrorCode.RATE_LIMITED, de.code());
        assertEquals(1200L, de.retryAfterMs());
        assertEquals("Du schickst Anfragen zu schnell. Bitte warte einen Moment.", de.message());
    }

    private static Set<String> placeholders(String s) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
