package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.kindred.server.it.WsClient;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Supportive reactions in real Chromium, by keyboard only: one tab stop per message's reactions,
 * arrows inside, Space or Enter to give and take back; what the reacting member and the message's
 * author see and hear (pressed state, counts, the polite announcement), no names and no totals, and
 * axe-core on both pages.
 */
class BrowserReactionsTest {
    private static final String TEXT = "I finally told my sister how I feel.";

    @Test
    void aMemberSendsAHugByKeyboardAndTheAuthorSeesTheCount() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("anxiety", "Ann");
            MemberPage bo = new MemberPage(b, base).join("anxiety", "Bo");
            WsClient cy = server.joined("anxiety", "Cy");
            ann.send(TEXT);
            bo.awaitMessage(TEXT);
            String msg = cy.await("message").path("msg").asText();

            // Bo: Tab from the room title reaches the message's reactions once; the first is the heart.
            tabUntil(b, "return document.activeElement.dataset.reaction === 'heart'", "the heart under Ann's message");
            assertEquals("Send a heart to Ann's message", active(b, "getAttribute('aria-label')"));
            assertEquals("Reactions to Ann's message",
                    b.js("return document.activeElement.closest('[role=toolbar]').getAttribute('aria-label')"));
            assertEquals("solid", b.js("return getComputedStyle(document.activeElement).outlineStyle"), "focus is visible");
            press(b, Keys.ARROW_RIGHT);
            assertEquals("Send a hug to Ann's message", active(b, "getAttribute('aria-label')"));
            assertEquals("false", active(b, "getAttribute('aria-pressed')"));
            press(b, Keys.SPACE);

            b.waitUntil(() -> "true".equals(active(b, "getAttribute('aria-pressed')")), "the hug pressed");
            assertEquals("hug", active(b, "dataset.reaction"), "focus stays on the hug button");
            b.waitForText("#messages li.message .reaction[data-reaction='hug'] + .reaction-count", "1");
            assertEquals("Hug", b.find("#messages li.message .reaction[data-reaction='hug']").getText(),
                    "the button says what it gives");
            assertEquals("Hug 1", b.find("#messages li.message .reaction-item:has([data-reaction='hug'])").getText()
                    .replaceAll("\\s+", " "), "and its count beside it, nothing else");
            assertEquals("1 hug", b.js("return document.getElementById("
                    + "document.activeElement.getAttribute('aria-describedby')).textContent"), "the count, described");
            b.waitUntil(() -> "On Ann's message: 1 hug.".equals(b.js(
                    "return document.getElementById('reaction-announcer').textContent")), "Bo hears the count");
            assertEquals("status", b.js("return document.getElementById('reaction-announcer').getAttribute('role')"),
                    "said politely");

            // Ann, on her own message: counts only, no buttons, no names, no total.
            String line = a.waitForText("#messages li.message.own .reactions-received", "1 hug");
            assertEquals("1 hug", line);
            a.waitUntil(() -> "On your message: 1 hug.".equals(a.js(
                    "return document.getElementById('reaction-announcer').textContent")), "Ann hears the count");
            assertTrue(a.all("#messages li.message.own .reactions button").isEmpty(), "no buttons under your own message");
            assertFalse(line.contains("Bo"), "no names");

            // Cy (another member) gives strength: Bo sees the count, not pressed for him.
            assertEquals("ok", cy.request(Map.of("type", "react", "id", "c1", "room", "anxiety", "msg", msg,
                    "reaction", "strength")).path("type").asText());
            b.waitForText("#messages li.message .reaction[data-reaction='strength'] + .reaction-count", "1");
            assertEquals("false", b.find("#messages li.message .reaction[data-reaction='strength']")
                    .getAttribute("aria-pressed"), "Cy's strength is counted, not pressed for Bo");
            a.waitForText("#messages li.message.own .reactions-received", "1 person sent strength");
            assertEquals("hug", active(b, "dataset.reaction"), "a count arriving does not move Bo's focus");

            Axe.check(b, "reactions under another member's message");
            Axe.check(a, "reactions under one's own message");
            b.screenshot(Screenshots.file("member-reactions.png"));
            a.screenshot(Screenshots.file("member-reactions-own.png"));

            // Space again takes the hug back; Home and End reach the first and the last.
            press(b, Keys.SPACE);
            b.waitUntil(() -> "false".equals(active(b, "getAttribute('aria-pressed')")), "the hug taken back");
            b.waitUntil(() -> "0".equals(active(b, "dataset.count")), "the hug count back to none");
            a.waitUntil(() -> !a.find("#messages li.message.own .reactions-received").getText().contains("hug"),
                    "Ann's hug count gone");
            press(b, Keys.END);
            assertEquals("same", active(b, "dataset.reaction"));
            assertEquals("Say “me too” to Ann's message", active(b, "getAttribute('aria-label')"));
            press(b, Keys.ENTER);
            b.waitUntil(() -> "true".equals(active(b, "getAttribute('aria-pressed')")), "me too, by Enter");
            press(b, Keys.HOME);
            assertEquals("heart", active(b, "dataset.reaction"));
            press(b, Keys.TAB);
            assertEquals(Boolean.FALSE, b.js("return !!document.activeElement.closest('.reactions')"),
                    "Tab leaves the reactions: one tab stop per message");

            // A late joiner sees the counts from history; nothing says who.
            JsonNode joined = server.member().request(Map.of("type", "join", "room", "anxiety", "id", "late"));
            assertEquals(Map.of("strength", 1, "same", 1), Map.of(
                    "strength", joined.path("history").get(0).path("reactions").path("strength").asInt(),
                    "same", joined.path("history").get(0).path("reactions").path("same").asInt()));

            // The words follow the language: the hug button in Spanish.
            new Select(b.find("#lang-select")).selectByValue("es");
            b.waitUntil(() -> "Enviar un abrazo al mensaje de Ann".equals(b.js(
                    "return document.querySelector(\"#messages .reaction[data-reaction='hug']\").getAttribute('aria-label')")),
                    "the hug's name in Spanish");
            assertTrue(b.find("#messages .reaction[data-reaction='same']").getText().startsWith("A mí también"));
            Axe.check(b, "reactions in Spanish");
        }
    }

    private static void press(Browser b, CharSequence keys) {
        new Actions(b.driver()).sendKeys(keys).perform();
    }

    private static String active(Browser b, String property) {
        Object v = b.js("return document.activeElement." + property);
        return v == null ? null : v.toString();
    }

    private static void tabUntil(Browser b, String condition, String what) {
        for (int i = 0; i < 30; i++) {
            if (Boolean.TRUE.equals(b.js(condition))) {
                return;
            }
            press(b, Keys.TAB);
        }
        throw new AssertionError("could not reach " + what + " with Tab");
    }
}
