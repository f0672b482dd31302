package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.i18n.ServerText;

/**
 * The server's notices and moderation reasons reach each person in the language of their session
 * ({@code hello.locale}), over real sockets: room-wide notices in each member's own language, a
 * mute's notice, the masked/warned/blocked reasons, and a resumed session that changes its language.
 */
class NoticeLanguageTest {
    private static final ServerText TEXT = ServerText.get();
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private String token;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().bootstrapModerator("alex:correct horse battery");
        token = Moderators.token(server.port(), "alex", "correct horse battery");
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private WsClient moderator() throws Exception {
        return Moderators.watching(server, token, extra);
    }

    /** A member whose hello names {@code locale} (or resumes {@code resume}, when not null). */
    private WsClient hello(String locale, String resume) throws Exception {
        WsClient c = server.raw();
        Map<String, Object> hello = new HashMap<>(Map.of("type", "hello", "v", 1, "id", "h"));
        if (locale != null) {
            hello.put("locale", locale);
        }
        if (resume != null) {
            hello.put("resume", resume);
        }
        assertEquals("welcome", c.request(hello).path("type").asText());
        return c;
    }

    private WsClient joined(String locale, String room, String nick) throws Exception {
        WsClient c = hello(locale, null);
        assertEquals("joined", c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j"))
                .path("type").asText());
        return c;
    }

    private static JsonNode notice(WsClient c, String code) throws InterruptedException {
        return c.await(n -> "notice".equals(n.path("type").asText()) && code.equals(n.path("code").asText()),
                "notice " + code);
    }

    private static void ok(WsClient mod, Map<String, ?> request) throws Exception {
        assertEquals("ok", mod.request(request).path("type").asText(), request.toString());
    }

    @Test
    void slowModeAndLockReachEachMemberInTheirOwnLanguage() throws Exception {
        WsClient es = joined("es-MX", "general", "Ana");
        WsClient de = joined("de-DE", "general", "Bert");
        WsClient en = joined("en-GB", "general", "Cy");
        WsClient mod = moderator();

        ok(mod, Map.of("type", "mod.slow", "room", "general", "seconds", 30, "id", "s1"));
        assertEquals("El modo lento está activado: un mensaje cada 30 segundos.",
                notice(es, "slow_mode").path("text").asText());
        assertEquals("Der langsame Modus ist an: eine Nachricht alle 30 Sekunden.",
                notice(de, "slow_mode").path("text").asText());
        JsonNode english = notice(en, "slow_mode");
        assertEquals("Slow mode is on: one message every 30 seconds.", english.path("text").asText());
        assertEquals("general", english.path("room").asText());

        ok(mod, Map.of("type", "mod.lock", "room", "general", "locked", true, "id", "l1"));
        assertEquals("El equipo de moderación ha cerrado esta sala por ahora.",
                notice(es, "locked").path("text").asText());
        assertEquals("Das Moderationsteam hat diesen Raum vorübergehend geschlossen.",
                notice(de, "locked").path("text").asText());
        assertEquals("A moderator has locked this room for now.", notice(en, "locked").path("text").asText());

        ok(mod, Map.of("type", "mod.lock", "room", "general", "locked", false, "id", "l2"));
        assertEquals(TEXT.text("notice.unlocked", "es"), notice(es, "unlocked").path("text").asText());
        assertEquals(TEXT.text("notice.unlocked", "de"), notice(de, "unlocked").path("text").asText());
        ok(mod, Map.of("type", "mod.slow", "room", "general", "seconds", 0, "id", "s2"));
        assertEquals("Der langsame Modus ist aus.", notice(de, "slow_mode").path("text").asText());
        for (WsClient c : List.of(es, de, en)) {
            for (JsonNode n : c.seen()) {
                assertTrue(!n.path("text").asText().contains("\u0000"), "no sentence token reaches anyone: " + n);
            }
        }
    }

    @Test
    void aMutedGermanMemberReadsTheNoticeInGerman() throws Exception {
        WsClient de = joined("de", "anxiety", "Bert");
        WsClient mod = moderator();
        ok(mod, Map.of("type", "mod.mute", "room", "anxiety", "member", TestServer.welcomeMember(de),
                "seconds", 600, "reason", "kurz durchatmen", "id", "m"));
        assertEquals("Das Moderationsteam hat deine Nachrichten hier für 10 Minuten pausiert: kurz durchatmen",
                notice(de, "muted").path("text").asText());
        ok(mod, Map.of("type", "mod.unmute", "room", "anxiety", "member", TestServer.welcomeMember(de), "id", "u"));
        assertEquals("Du kannst in diesem Raum wieder schreiben.", notice(de, "unmuted").path("text").asText());
    }

    @Test
    void aSpanishMemberHearsInSpanishWhatBecameOfAHeldMessage() throws Exception {
        WsClient mod = moderator();
        WsClient es = joined("es-ES", "general", "Ana");
        String first = es.request(Map.of("type", "send", "room", "general",
                "text", "esto me ayudó: https://example.org/respirar", "id", "l1")).path("msg").asText();
        String second = es.request(Map.of("type", "send", "room", "general",
                "text", "y esto también: https://example.org/dormir", "id", "l2")).path("msg").asText();
        ok(mod, Map.of("type", "mod.approve", "room", "general", "msg", first, "id", "a"));
        assertEquals("El equipo de moderación ha aprobado tu mensaje y ya está en la sala.",
                notice(es, "held_approved").path("text").asText());
        ok(mod, Map.of("type", "mod.reject", "room", "general", "msg", second, "reason", "enlace no verificado",
                "id", "r"));
        assertEquals("El equipo de moderación ha decidido no publicar tu mensaje: enlace no verificado",
                notice(es, "held_rejected").path("text").asText());
    }

    @Test
    void aFrenchMembersMaskedWarnedAndBlockedReasonsAreInFrench() throws Exception {
        WsClient fr = joined("fr-FR", "general", "Camille");
        JsonNode contact = fr.request(Map.of("type", "send", "room", "general",
                "text", "text me on 07700 900123 please", "id", "c"));
        assertEquals("masked", contact.path("status").asText(), contact.toString());
        assertEquals(TEXT.text("moderation.contact_masked", "fr"), notice(fr, "masked").path("text").asText());

        JsonNode insult = fr.request(Map.of("type", "send", "room", "general", "text", "shut up you stupid idiot",
                "id", "i"));
        assertEquals("masked", insult.path("status").asText(), insult.toString());
        assertEquals("Un peu de bienveillance, s'il vous plaît : nous avons masqué les insultes de votre message."
                + " Chaque personne ici traverse quelque chose ; on peut être en désaccord sans insulter personne.",
                notice(fr, "warned").path("text").asText());

        JsonNode threat = fr.request(Map.of("type", "send", "room", "general",
                "text", "I know where you live and I will hurt you", "id", "t"));
        assertEquals("blocked", threat.path("code").asText(), threat.toString());
        assertEquals("Votre message n'a pas été envoyé, car il ressemble à une menace de violence.",
                threat.path("message").asText(), "the reason for this category, not the general sentence");
        assertNotEquals(TEXT.text("error.blocked", "fr"), threat.path("message").asText());
    }

    @Test
    void anEnglishMembersReasonsStayAsTheyWere() throws Exception {
        WsClient en = joined(null, "general", "Ann");
        JsonNode threat = en.request(Map.of("type", "send", "room", "general",
                "text", "I know where you live and I will hurt you", "id", "t"));
        assertEquals("Your message wasn't sent because it reads as a threat of violence.",
                threat.path("message").asText());
    }

    @Test
    void aResumeWithAnotherLocaleSwitchesWhatFollows() throws Exception {
        WsClient es = joined("es", "general", "Ana");
        String resume = TestServer.welcomeSession(es);
        WsClient mod = moderator();
        es.drop();
        Thread.sleep(200);
        server.awaitParked(resume);
        ok(mod, Map.of("type", "mod.lock", "room", "general", "locked", true, "id", "l1")); // while away

        WsClient de = hello("de-DE", resume);
        assertEquals("Das Moderationsteam hat diesen Raum vorübergehend geschlossen.",
                notice(de, "locked").path("text").asText(), "what was missed, in the new language");
        ok(mod, Map.of("type", "mod.slow", "room", "general", "seconds", 20, "id", "s1"));
        assertEquals("Der langsame Modus ist an: eine Nachricht alle 20 Sekunden.",
                notice(de, "slow_mode").path("text").asText(), "a room-wide notice after the resume");
        assertEquals(TEXT.text("error.not_in_room", "de"), de.request(Map.of("type", "send", "room", "anxiety",
                "text", "hallo", "id", "e")).path("message").asText());
        JsonNode card = de.request(Map.of("type", "help", "id", "help"));
        assertEquals("crisis", card.path("type").asText(), card.toString());
        JsonNode german = hello("de-DE", null).request(Map.of("type", "help", "id", "help"));
        JsonNode spanish = hello("es", null).request(Map.of("type", "help", "id", "help"));
        assertNotEquals(spanish.path("text").asText(), german.path("text").asText());
        assertEquals(german.path("text").asText(), card.path("text").asText(), "the crisis card follows too");

        String again = TestServer.welcomeSession(de);
        de.drop();
        Thread.sleep(200);
        server.awaitParked(again);
        WsClient noLocale = hello(null, again);
        assertEquals(TEXT.text("error.not_in_room", "de"), noLocale.request(Map.of("type", "send",
                "room", "anxiety", "text", "hallo", "id", "e")).path("message").asText(),
                "a resume without a locale keeps the session's language");
    }
}
