package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.kindred.server.it.WsClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "I need help now" whatever the state of the WebSocket, in real Chromium: with the server
 * stopped the lines come from the copy the page kept, and a banned member — before and after a
 * reload — gets the lines from /api/crisis-lines; both say plainly that no moderator can be
 * reached right now.
 */
class BrowserOfflineHelpTest {
    private static final String UNREACHABLE = "A moderator can't be reached right now, but these lines can help.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withTheServerStoppedTheHelpButtonShowsTheKeptLines() throws Exception {
        TestServer server = new TestServer();
        boolean stopped = false;
        try (Browser a = new Browser(360, 740)) {
            String base = "http://127.0.0.1:" + server.port();
            new MemberPage(a, base).join("depression", "Ann", "GB");
            a.waitUntil(() -> String.valueOf(a.js("return localStorage.getItem('kindred.crisisLines')"))
                    .contains("116 123"), "a kept copy of the GB lines");

            server.close(); // the WebSocket goes down and nothing answers HTTP any more
            stopped = true;
            a.waitUntil(() -> a.find("#room").getAttribute("class").contains("offline"), "the page to notice");

            a.click("#help-button");
            WebElement card = a.find("#crisis-slot .crisis-card");
            assertTrue(card.isDisplayed());
            WebElement note = card.findElement(By.cssSelector(".crisis-unreachable"));
            assertTrue(note.isDisplayed());
            assertEquals(UNREACHABLE, note.getText());
            WebElement tel = card.findElement(By.cssSelector("a[href='tel:116123']"));
            assertTrue(tel.isDisplayed(), "Samaritans, from the kept copy");
            assertTrue(card.getText().contains("Samaritans"), card.getText());
            assertEquals("crisis-title", a.js("return document.activeElement.id"), "focus moves to the card");
            a.js("window.scrollTo(0, 0)");
            a.screenshot(Screenshots.file("help-offline.png"));
            Axe.check(a, "the help card while the server is down");
        } finally {
            if (!stopped) {
                server.close();
            }
        }
    }

    @Test
    void aBannedMemberGetsTheLinesWithoutAndAfterAReload() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            new MemberPage(a, base).join("general", "Ann", "DE");
            String member = String.valueOf(a.js("return JSON.parse(sessionStorage.getItem('kindred.tab')).memberId"));
            try (WsClient mod = moderator(server.port())) {
                JsonNode ok = mod.request(Map.of("type", "mod.ban", "member", member, "reason", "test", "id", "b"));
                assertEquals("ok", ok.path("type").asText(), ok.toString());
            }
            a.waitForText("#landing-feedback", "paused your access");

            a.click("#help-button");
            WebElement card = a.find("#crisis-slot .crisis-card");
            assertTrue(card.isDisplayed());
            assertEquals(UNREACHABLE, card.findElement(By.cssSelector(".crisis-unreachable")).getText());
            WebElement tel = card.findElement(By.cssSelector("a[href='tel:08001110111']"));
            assertTrue(tel.isDisplayed(), "TelefonSeelsorge for DE: " + card.getText());
            a.screenshot(Screenshots.file("help-banned.png"));

            // After a reload the hello is refused `banned`; the button must not hang on "Getting support…".
            a.driver().navigate().refresh();
            a.find("#room-list button[data-room]");
            a.click("#help-button");
            WebElement again = a.find("#crisis-slot .crisis-card");
            assertTrue(again.isDisplayed());
            assertEquals(UNREACHABLE, again.findElement(By.cssSelector(".crisis-unreachable")).getText());
            assertTrue(again.findElement(By.cssSelector("a[href^='tel:']")).isDisplayed(), again.getText());
            String feedback = String.valueOf(a.js("return document.getElementById('help-feedback').textContent"));
            assertTrue(!feedback.contains("Getting support options"), feedback);
        }
    }

    private static WsClient moderator(int port) throws Exception {
        String body = JSON.writeValueAsString(Map.of("user", ModeratorPage.USER, "password", ModeratorPage.PASSWORD));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(r.body()).path("token").asText();
        WsClient c = WsClient.connect(port);
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "auth", token, "id", "mh"));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        return c;
    }
}
