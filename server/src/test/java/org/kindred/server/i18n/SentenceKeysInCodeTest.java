package org.kindred.server.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.ServerMessage;

/**
 * Every sentence the server's code names is in every language's catalog, and no error the server
 * makes carries English words written in the code (so Spanish, German and French readers get that
 * error's own sentence, not a general one for its code). Reads the main sources.
 */
class SentenceKeysInCodeTest {
    private static final Path MAIN = Path.of("src/main/java/org/kindred/server");
    /** A catalog key written in the code: a string literal of a known key family. */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:error|notice|moderation|handoff|duration|paging)\\.[a-z_]+(?:\\.[a-z_]+)*\\.?)\"");
    /** An error built from a string literal (English words) rather than a sentence. */
    private static final Pattern LITERAL_ERROR = Pattern.compile(
            "(?:Error\\.of|new ServerMessage\\.Error|new Refusal)\\((?:[^;()]|\\([^;()]*\\))*?,\\s*\"");

    @Test
    void everyKeyTheCodeNamesIsInEveryLanguage() throws IOException {
        Set<String> named = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path p : sources()) {
            Matcher m = KEY.matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                (m.group(1).endsWith(".") ? prefixes : named).add(m.group(1));
            }
        }
        assertTrue(named.size() > 60, "keys found in the code: " + named.size());
        // keys built from a prefix: ModChecks' kinds of id, PagePayloads' risk levels
        Map<String, List<String>> built = Map.of(
                "error.unknown.", List.of("message", "member", "ban", "escalation", "report"),
                "paging.level.", Stream.of(RiskLevel.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
        built.forEach((prefix, ends) -> ends.forEach(end -> named.add(prefix + end)));
        for (String prefix : prefixes) { // others (Reasons' categories) are checked where they are made
            assertTrue(ServerText.get().keys("en").stream().anyMatch(k -> k.startsWith(prefix)), prefix);
        }
        assertTrue(prefixes.containsAll(built.keySet()), "keys built from a prefix: " + prefixes);
        List<String> missing = new ArrayList<>();
        for (String key : named) {
            // a plural family (Sentence.duration) is named without its .one / .other
            List<String> keys = ServerText.get().keys("en").contains(key) ? List.of(key)
                    : List.of(key + ".one", key + ".other");
            for (String lang : ServerText.LANGUAGES) {
                for (String k : keys) {
                    if (!ServerText.get().keys(lang).contains(k)) {
                        missing.add(lang + ".json lacks " + k);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void noErrorIsMadeFromEnglishWordsInTheCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : sources()) {
            String src = Files.readString(p, StandardCharsets.UTF_8);
            Matcher m = LITERAL_ERROR.matcher(src);
            while (m.find()) {
                found.add(MAIN.relativize(p) + ":" + (src.substring(0, m.start()).split("\n", -1).length));
            }
        }
        assertTrue(found.isEmpty(), "errors with English words instead of a catalog sentence: " + found);
    }

    @Test
    void theScanWouldSeeAnErrorMadeFromWords() {
        assertTrue(LITERAL_ERROR.matcher("c.send(ServerMessage.Error.of(id, ErrorCode.NOT_FOUND, \"Gone.\"));").find());
        assertTrue(LITERAL_ERROR.matcher("new ServerMessage.Error(id, ErrorCode.RATE_LIMITED,\n  \"Slow down.\", 5L)")
                .find());
        assertTrue(LITERAL_ERROR.matcher("return new Refusal(ErrorCode.MUTED, \"Paused.\", 10L);").find());
        assertTrue(LITERAL_ERROR.matcher("c.send(ServerMessage.Error.of(m.id(), ErrorCode.FORBIDDEN, \"No.\"));").find());
        assertTrue(!LITERAL_ERROR.matcher("Sentence.of(\"error.muted\").error(id, ErrorCode.MUTED)").find());
        assertTrue(!LITERAL_ERROR.matcher("new Refusal(ErrorCode.SLOW_MODE, Sentence.of(\"error.slow_mode.wait\", "
                + "\"seconds\", slow), next - now)").find());
    }

    @Test
    void aSpecificErrorReadsInItsOwnSentenceInEveryLanguage() {
        ServerMessage.Error e = Sentence.of("error.claimed", "name", "robin").error("c1", ErrorCode.FORBIDDEN);
        assertEquals("Another moderator (robin) has already taken this.", ServerText.get().localize(e, "en").message());
        assertEquals("Otra persona del equipo (robin) ya se ha hecho cargo.",
                ServerText.get().localize(e, "es-ES").message());
        assertEquals("Jemand anderes aus dem Team (robin) hat das schon übernommen.",
                ServerText.get().localize(e, "de").message());
        assertEquals("Une autre personne de l'équipe (robin) s'en occupe déjà.",
                ServerText.get().localize(e, "fr-CA").message());
        assertTrue(!ServerText.get().localize(e, "de").message().equals(ServerText.get().text("error.forbidden", "de")),
                "not the general sentence for the code");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
