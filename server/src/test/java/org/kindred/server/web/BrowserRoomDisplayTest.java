package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.kindred.server.it.WsClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/** What a member sees of staff, of room modes and of a message full of combining marks. */
class BrowserRoomDisplayTest {

    @Test
    void staffWearABadgeAndModeChangesReplaceWhatTheyMadeStale() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("general", "Ann");
            try (WsClient mod = WsClient.connect(server.port())) {
                JsonNode w = mod.request(Map.of("type", "hello", "v", 1, "auth", token(server.port()), "id", "h"));
                assertEquals("welcome", w.path("type").asText(), w.toString());
                mod.request(Map.of("type", "join", "room", "general", "id", "j"));
                a.waitForText("#presence", "2 people here, including a moderator");
                mod.request(Map.of("type", "send", "room", "general", "text", "Welcome, everyone", "id", "s"));
                WebElement staff = ann.awaitMessage("Welcome, everyone");
                assertEquals("Moderator", staff.findElement(By.cssSelector(".staff-badge")).getText());
                assertTrue(staff.findElement(By.cssSelector(".staff-badge")).isDisplayed());
                a.screenshot(Screenshots.file("member-room-staff.png"));
                a.waitUntil(() -> "".equals(a.find("#message-input").getAttribute("value")), "the composer to clear");
                ann.send("Thank you");
                assertTrue(ann.awaitMessage("Thank you").findElements(By.cssSelector(".staff-badge")).isEmpty(),
                        "members wear no badge");

                // Slow mode: the second message is refused with a countdown; switched off, the countdown goes.
                mod.request(Map.of("type", "mod.slow", "room", "general", "seconds", 60, "id", "sl"));
                a.waitForText("#room-mode", "Slow mode is on");
                ann.send("One");
                ann.awaitMessage("One");
                a.waitUntil(() -> "".equals(a.find("#message-input").getAttribute("value")), "the composer to clear");
                ann.send("Two");
                a.waitForText("#room-feedback .feedback-countdown", "You can try again in");
                mod.request(Map.of("type", "mod.slow", "room", "general", "seconds", 0, "id", "sl0"));
                a.waitForText("#room-feedback", "Slow mode is off");
                a.waitUntil(() -> !a.displayed("#room-feedback .feedback-countdown"), "the countdown to go");
                assertFalse(a.find("#room-feedback").getText().contains("try again"), a.find("#room-feedback").getText());

                // Locked is called locked, in the room and on the landing page.
                mod.request(Map.of("type", "mod.lock", "room", "general", "locked", true, "id", "lk"));
                String mode = a.waitForText("#room-mode", "locked");
                assertFalse(mode.toLowerCase(java.util.Locale.ROOT).contains("paused"), mode);
                try (Browser c = new Browser()) {
                    new MemberPage(c, base).openLanding();
                    WebElement button = c.find("#room-list button[data-room='general']");
                    assertEquals("Locked for now", button.getText());
                    assertFalse(button.isEnabled());
                    assertTrue(c.find("#nick-hint").getText().contains("_ - ."), "the hint names every allowed sign");
                }
            }
        }
    }

    @Test
    void aMessageFullOfCombiningMarksPaintsNothingOverItsNeighbours() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("general", "Ann");
            ann.send("The message above");
            WebElement above = ann.awaitMessage("The message above");
            a.waitUntil(() -> "".equals(a.find("#message-input").getAttribute("value")), "the composer to clear");
            ann.send("The message below");
            WebElement below = ann.awaitMessage("The message below");
            Rectangle aboveBox = above.getRect();
            BufferedImage before = shot(a);
            BufferedImage aboveBefore = crop(before, aboveBox);
            BufferedImage belowBefore = crop(before, below.getRect());

            // The server cuts marks to a few per letter; the page must hold any message whatever it
            // holds, so this one is drawn by the page's own code with 60 marks above and below each letter.
            // How far marks stack depends on the font (the test machine's overlays them), so ink that
            // leaves the text's box is also simulated: two runs of marks shifted 70 px up and 60 px down,
            // on red, as a font that stacks them would draw them.
            StringBuilder zalgo = new StringBuilder();
            for (char c : "Zalgo is here".toCharArray()) {
                zalgo.append(c);
                for (int i = 0; i < 30; i++) {
                    zalgo.append('\u030d').append('\u0316');
                }
            }
            Object done = a.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "import('/js/message-item.js').then(m => {"
                    + "  const li = m.messageItem({msg: 'zalgo', seq: 99, ts: Date.now(), text: arguments[0],"
                    + "    from: {id: 'u_x', nick: 'Zed', role: 'member'}}, {own: false});"
                    + "  const below = [...document.querySelectorAll('#messages li.message')].pop();"
                    + "  below.before(li);"
                    + "  for (const dy of [-70, 60]) { const s = document.createElement('span');"
                    + "    s.textContent = arguments[0].slice(0, 200);"
                    + "    s.style.cssText = 'position: relative; top: ' + dy + 'px; display: inline-block; width: 60rem; background: #c00; color: #c00';"
                    + "    li.querySelector('.message-text').append(s); }"
                    // the message below moves down by whole pixels only, so it is drawn exactly as before
                    + "  const gap = parseFloat(getComputedStyle(li.parentElement).rowGap) || 0;"
                    + "  const h = li.getBoundingClientRect().height;"
                    + "  li.style.height = (Math.ceil(h + gap) - gap) + 'px';"
                    + "  done(true); }, e => done(String(e)));", zalgo.toString());
            assertEquals(Boolean.TRUE, done);
            WebElement z = a.find("#messages li[data-msg='zalgo']");
            assertTrue(z.getRect().getY() > aboveBox.getY(), "between the two");
            a.screenshot(Screenshots.file("member-zalgo-contained.png"));

            BufferedImage after = shot(a);
            assertEquals(aboveBox, above.getRect(), "the message above did not move");
            assertSame(aboveBefore, crop(after, above.getRect()), "the message above is painted as before");
            assertSame(belowBefore, crop(after, below.getRect()), "the message below is painted as before");
        }
    }

    private static BufferedImage shot(Browser b) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(b.driver().getScreenshotAs(OutputType.BYTES)));
    }

    /** The inside of a message's box (3 px in from its rounded, anti-aliased edge). */
    private static BufferedImage crop(BufferedImage img, Rectangle r) {
        return img.getSubimage(r.getX() + 3, r.getY() + 3, r.getWidth() - 6, r.getHeight() - 6);
    }

    private static void assertSame(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth(), actual.getWidth(), what);
        assertEquals(expected.getHeight(), actual.getHeight(), what);
        int differ = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (expected.getRGB(x, y) != actual.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        assertEquals(0, differ, what + ": pixels that changed");
    }

    private static String token(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + ModeratorPage.USER
                                + "\",\"password\":\"" + ModeratorPage.PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("token").asText();
    }
}
