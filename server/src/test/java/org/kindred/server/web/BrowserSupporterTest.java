package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;
import org.kindred.server.it.TestServer;
import org.kindred.server.it.WsClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A peer supporter as members see them (a badge) and the console a supporter gets (only what they may do). */
class BrowserSupporterTest {
    private static final String USER = "kit";
    private static final String PASSWORD = "listening-with-care-2026";

    @Test
    void membersSeeAPeerSupporterBadge() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser()) {
            server.server().staff().accounts().create(USER, Role.SUPPORTER, PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("general", "Ann");
            try (WsClient kit = WsClient.connect(server.port())) {
                JsonNode w = kit.request(Map.of("type", "hello", "v", 1, "auth", token(server.port()), "id", "h"));
                assertEquals("supporter", w.path("member").path("role").asText(), w.toString());
                kit.request(Map.of("type", "join", "room", "general", "nick", "Kit", "id", "j"));
                kit.request(Map.of("type", "send", "room", "general", "text", "I'm around if anyone wants to talk",
                        "id", "s"));
                WebElement m = ann.awaitMessage("I'm around if anyone wants to talk");
                WebElement badge = m.findElement(By.cssSelector(".staff-badge"));
                assertEquals("Peer supporter", badge.getText());
                assertTrue(badge.isDisplayed());
                a.waitForText("#presence", "peer supporter");
                a.screenshot(Screenshots.file("member-room-supporter.png"));
            }
        }
    }

    @Test
    void aSupportersConsoleShowsOnlyWhatASupporterMayDo() throws Exception {
        try (TestServer server = new TestServer(); Browser b = new Browser()) {
            server.server().staff().accounts().create(USER, Role.SUPPORTER, PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage console = new ModeratorPage(b).signIn(base, USER, PASSWORD);
            b.waitForText("#console-title", "Peer support console");
            assertEquals("Peer supporters", b.find("#console-badge").getText());
            for (String hidden : List.of("#feed-held", "#feed-alerts", "#sanctions", "#bans")) {
                assertFalse(b.all(hidden).get(0).isDisplayed(), hidden + " is a moderator's");
            }
            assertTrue(b.find("#esc-title").isDisplayed());
            assertTrue(b.find("#reports-title").isDisplayed());
            assertTrue(b.all("#mod-rooms button[data-lock]").isEmpty(), "no lock");
            assertTrue(b.all("#mod-rooms select").isEmpty(), "no slow mode");

            try (WsClient ann = server.joined("general", "Ann")) {
                ann.request(Map.of("type", "send", "room", "general",
                        "text", "I have the pills ready and I'm going to take them all tonight", "id", "s"));
                WebElement item = console.awaitItem("escalations", "Ann");
                List<String> buttons = item.findElements(By.cssSelector("button")).stream().map(WebElement::getText)
                        .toList();
                assertTrue(buttons.containsAll(List.of("Claim", "Reach", "Resolve")), buttons.toString());
                assertFalse(buttons.contains("Act on member"), buttons.toString());
                b.screenshot(Screenshots.file("console-supporter.png"));
                console.clickIn("escalations", "Ann", "Claim");
                b.waitUntil(() -> console.awaitItem("escalations", "Ann").getAttribute("data-mine").equals("true"),
                        "the claim");

                // Reaching out: the member is invited by a peer supporter, accepts, and both talk.
                console.clickIn("escalations", "Ann", "Reach");
                b.waitForText("#reach-panel .system", "Invitation sent to Ann");
                JsonNode invite = ann.await("invite");
                assertEquals("supporter", invite.path("from").path("role").asText(), invite.toString());
                String room = invite.path("room").asText();
                assertEquals("joined", ann.request(Map.of("type", "join", "room", room, "id", "j")).path("type")
                        .asText());
                b.waitForText("#reach-panel .system", "Ann joined the conversation");
                b.type("#reach-panel textarea", "I'm Kit, a peer supporter. I'm glad"
                        + " you said something. Are you somewhere safe right now?");
                b.click("#reach-panel button[type=submit]");
                assertTrue(ann.await(n -> "message".equals(n.path("type").asText())
                        && room.equals(n.path("room").asText()), "the supporter's words").path("text").asText().contains("somewhere safe"));
                ann.request(Map.of("type", "send", "room", room, "text", "I'm at home. Thank you for asking.",
                        "id", "s2"));
                b.waitForText("#reach-panel .message-text", "Thank you for asking");
                b.screenshot(Screenshots.file("console-supporter-reach.png"));
            }
        }
    }

    private static String token(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + USER + "\",\"password\":\""
                                + PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("token").asText();
    }
}
