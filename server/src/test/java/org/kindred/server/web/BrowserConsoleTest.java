package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.kindred.server.it.WsClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Console actions beyond the basics: unmute, kick with a cool-off, ban ids and unban, others' claims. */
class BrowserConsoleTest {

    @Test
    void theModeratorUnmutesKicksWithACoolOffBansAndLiftsTheBanById() throws Exception {
        try (TestServer server = new TestServer(); Browser modB = new Browser(1280, 900);
                Browser a = new Browser(); Browser b = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage mod = new ModeratorPage(modB).signIn(base);
            new MemberPage(a, base).join("general", "Ann");
            MemberPage bo = new MemberPage(b, base).join("general", "Bo");
            modB.click("#mod-rooms li[data-room='general'] button[aria-label^='Watch ']");
            bo.send("Anyone else up?");
            WebElement live = liveMessage(modB, "Anyone else up?");
            String msgId = live.getAttribute("data-msg");

            // Deleting a live message takes away its Delete button only: the writer can still be acted on.
            mod.clickIn(live, "Delete");
            mod.confirmAction(null, null, "Off topic");
            modB.waitForText("#console-feedback", "Message deleted");
            b.waitForText("#messages li.deleted", "removed by a moderator"); // the `deleted` event went round too
            live = modB.find("#live-messages li.deleted[data-msg='" + msgId + "']");
            Thread.sleep(300);
            assertEquals(List.of("Act on member"), live.findElements(By.cssSelector("button")).stream()
                    .map(WebElement::getText).toList());

            // Mute, then lift the mute from "Your mutes".
            mod.clickIn(live, "Act on member");
            mod.confirmAction("mute", "15 minutes", null);
            b.waitForText("#room-feedback", "paused your messages");
            WebElement mute = modB.find("#sanctions li[data-mute]");
            assertTrue(mute.getText().contains("Muted"), mute.getText());
            mod.clickIn(mute, "Unmute");
            modB.waitForText("#console-feedback", "can post in general again");
            b.waitForText("#room-feedback", "post in this room again");
            modB.waitUntil(() -> modB.all("#sanctions li[data-mute]").isEmpty(), "the mute to leave the list");
            bo.send("Thanks for letting me back");
            liveMessage(modB, "Thanks for letting me back");

            // Remove with a 5 minute cool-off: Bo is told, and can't come straight back.
            mod.clickIn(liveMessage(modB, "Thanks for letting me back"), "Act on member");
            modB.find("#action-dialog[open]");
            modB.click("#act-kick");
            assertEquals("They can come back after", modB.find("#action-duration-label").getText());
            mod.confirmAction(null, "5 minutes", "Take a breather");
            modB.waitForText("#console-feedback", "can come back in 5 minutes");
            b.waitForText("#landing-feedback", "take a break from this room");
            b.click("#room-list button[data-room='general']");
            b.waitForText("#landing-feedback .feedback-countdown", "You can try again in");
            Object left = b.js("return Number(document.querySelector('#landing-feedback .feedback-countdown')"
                    + ".textContent.match(/\\d+/)[0])");
            assertTrue(((Number) left).longValue() > 200, "about 5 minutes left: " + left);

            // Ban: "Bans in force" lists it, with who, why, how long and its id.
            mod.clickIn(liveMessage(modB, "Thanks for letting me back"), "Act on member");
            mod.confirmAction("ban", "1 day", "Repeated harassment");
            String feedback = modB.waitForText("#console-feedback", "banned for 1 day (ban id ban_");
            b.waitForText("#landing-feedback", "paused your access");
            WebElement ban = modB.find("#bans li[data-ban]");
            String id = ban.findElement(By.cssSelector(".ban-id")).getText();
            assertTrue(id.startsWith("ban_"), id);
            assertTrue(feedback.contains(id), feedback);
            assertEquals(id, ban.getAttribute("data-ban"));
            // Bo had been removed from the room, so the server knows no nickname: the member label shows.
            for (String part : List.of("Banned · Member ", "ends in 1 day", "by morgan", "Repeated harassment")) {
                assertTrue(ban.getText().contains(part), part + " in: " + ban.getText());
            }
            modB.js("document.getElementById('bans-title').scrollIntoView()");
            modB.screenshot(Screenshots.file("moderator-bans.png"));

            // The server keeps the list: it is there after a reload of the console; Unban lets Bo back in
            // at once, without a reload of Bo's page.
            modB.driver().navigate().refresh();
            modB.find("#console-title");
            WebElement kept = modB.find("#bans li[data-ban='" + id + "']");
            mod.clickIn(kept, "Unban");
            modB.waitForText("#console-feedback", "Ban " + id + " lifted");
            modB.waitUntil(() -> modB.all("#bans li[data-ban]").isEmpty(), "the ban to leave the list");
            assertTrue(modB.displayed("#bans + .empty-note"), "'Nobody is banned' shows");
            b.click("#room-list button[data-room='anxiety']");
            b.find("#room #message-input");
            b.waitUntil(() -> !b.displayed("#landing"), "Bo in the room, not stuck on 'Joining…'");
            b.waitForText("#room-title", "Anxiety");

            // A ban id typed by hand: unknown ids are refused with the server's sentence.
            modB.type("#unban-id", "ban_doesnotexist");
            modB.click("#unban-form button[type=submit]");
            modB.waitForText("#console-feedback", "no ban in force");
        }
    }

    @Test
    void anEscalationClaimedByAnotherModeratorShowsWhoHasIt() throws Exception {
        try (TestServer server = new TestServer(); Browser modB = new Browser(1280, 900); Browser a = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            server.server().bootstrapModerator("sam:another-calm-password-1");
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage mod = new ModeratorPage(modB).signIn(base);
            new MemberPage(a, base).join("anxiety", "Ann");
            a.click("#help-button");
            a.find("#crisis-slot .crisis-card");
            WebElement open = mod.awaitItem("escalations", "Open: nobody has taken this yet");
            String escalation = open.getAttribute("data-escalation");

            try (WsClient sam = WsClient.connect(server.port())) {
                JsonNode w = sam.request(Map.of("type", "hello", "v", 1, "auth", token(server.port()), "id", "h"));
                assertEquals("welcome", w.path("type").asText(), w.toString());
                JsonNode ok = sam.request(Map.of("type", "mod.claim", "escalation", escalation, "id", "c"));
                assertEquals("ok", ok.path("type").asText(), ok.toString());
            }
            WebElement claimed = mod.awaitItem("escalations", "Claimed by sam");
            assertEquals("claimed", claimed.getAttribute("data-status"));
            assertEquals("false", claimed.getAttribute("data-mine"));
            assertTrue(claimed.findElements(By.xpath(".//button[normalize-space()='Claim']")).isEmpty(),
                    "no Claim button on someone else's escalation");
            modB.waitUntil(() -> String.valueOf(modB.js("return document.getElementById('mod-announcer').textContent"))
                    .contains("sam took the high escalation"), "the announcement of sam's claim");
            assertEquals(List.of("Kindred moderators"), List.of(modB.driver().getTitle()),
                    "a claimed escalation no longer counts as waiting");
        }
    }

    private static WebElement liveMessage(Browser modB, String text) {
        return modB.waitUntil(() -> modB.all("#live-messages li").stream()
                .filter(li -> li.getText().contains(text)).findFirst().orElse(null), "live message '" + text + "'");
    }

    private static String token(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"user\":\"sam\",\"password\":\"another-calm-password-1\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("token").asText();
    }
}
