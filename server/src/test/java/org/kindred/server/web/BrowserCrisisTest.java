package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The private crisis card in real Chromium: only the writer of a risk message sees it, it never
 * blocks the conversation, it can be dismissed with the keyboard, "I need help now" reaches the
 * moderator console, and the card passes axe-core.
 */
class BrowserCrisisTest {
    private static final String RISK = "I want to kill myself tonight";

    @Test
    void aRiskMessageShowsTheCardToItsWriterOnlyWithoutInterruptingTheConversation() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("depression", "Ann", "GB");
            MemberPage bo = new MemberPage(b, base).join("depression", "Bo");
            a.find("#message-input").click();
            ann.send(RISK);
            bo.awaitMessage(RISK); // the writer is not silenced

            WebElement card = a.find("#crisis-slot .crisis-card");
            assertEquals("imminent", card.getAttribute("data-level"));
            assertEquals("crisis-title", card.getAttribute("aria-labelledby"), "a labelled region");
            assertTrue(card.getText().contains("Only you can see this"), card.getText());
            a.waitForText("#crisis-announcer", "Support lines are shown above the conversation");
            assertEquals("message-input", a.js("return document.activeElement.id"),
                    "focus stays in the composer: the conversation is not interrupted");

            // Imminent: the region's emergency number first, then its crisis lines (GB: 999, Samaritans, Shout).
            assertEquals("tel:999", card.findElement(By.cssSelector("a[href^='tel:']")).getAttribute("href"));
            WebElement tel = card.findElement(By.cssSelector(".crisis-resources a[href='tel:116123']"));
            assertTrue(tel.getAttribute("aria-label").contains("Samaritans"), tel.getAttribute("aria-label"));
            // Shout asks people to text SHOUT: every Text button says it and prefills it.
            List<WebElement> texts = card.findElements(By.cssSelector("a[href^='sms:85258']"));
            assertEquals(2, texts.size(), "the quick button and the one in Shout's entry");
            for (WebElement sms : texts) {
                assertEquals("sms:85258?&body=SHOUT", sms.getAttribute("href"));
                assertTrue(sms.getAttribute("aria-label").startsWith("Text SHOUT to 85258"), sms.getAttribute("aria-label"));
            }
            assertEquals("Text SHOUT", texts.get(0).getText(), "the quick button, short enough to sit beside Call");
            assertEquals("Text SHOUT to 85258", texts.get(1).getText(), "the line's own entry says it all");
            for (WebElement link : card.findElements(By.cssSelector("a"))) {
                assertTrue(link.getSize().getHeight() >= 44, "tap target at least 44 px high: " + link.getText());
            }
            assertTrue(card.findElements(By.cssSelector("a[href^='javascript:'], a[href^='http:']")).isEmpty());

            // The card is no dialog: the composer stays on screen and usable.
            assertTrue(a.all("dialog[open]").isEmpty());
            assertInViewport(a, "#message-input");
            ann.send("Sorry, rough night.");
            bo.awaitMessage("Sorry, rough night.");

            // The other member sees no card and hears nothing of it.
            bo.send("We're here with you, Ann.");
            bo.awaitMessage("We're here with you, Ann.");
            assertTrue(b.all(".crisis-card").isEmpty(), "only the writer gets the card");
            assertFalse(b.displayed("#crisis-slot"), "nothing of a card shows for the others");
            assertTrue(a.displayed("#crisis-slot"), "while the writer sees it");
            assertEquals("", b.js("return document.getElementById('crisis-announcer').textContent"));

            // Keyboard: Tab from the help button reaches the card's Close button; Enter closes it.
            a.js("document.getElementById('help-button').focus()");
            press(a, Keys.TAB);
            assertEquals("Close the support card", a.js("return document.activeElement.getAttribute('aria-label')"));
            press(a, Keys.ENTER);
            a.waitUntil(() -> a.all(".crisis-card").isEmpty(), "the card to close");
            assertFalse(a.displayed("#crisis-slot"), "closed means gone from the screen");
            a.waitForText("#crisis-announcer", "Support card closed");
            assertEquals("message-input", a.js("return document.activeElement.id"), "focus back in the composer");

            // A second risk message brings it back; Escape inside the card dismisses it.
            ann.send("I have the pills ready");
            a.find("#crisis-slot .crisis-card a[href^='tel:']");
            a.js("document.querySelector('#crisis-slot a').focus()");
            press(a, Keys.ESCAPE);
            a.waitUntil(() -> a.all(".crisis-card").isEmpty(), "Escape to close the card");
            assertEquals("message-input", a.js("return document.activeElement.id"));
        }
    }

    @Test
    void helpReachesTheConsoleWhereTheModeratorClaimsAndResolvesIt() throws Exception {
        try (TestServer server = new TestServer(); Browser modB = new Browser(1280, 900);
                Browser a = new Browser(); Browser c = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage mod = new ModeratorPage(modB).signIn(base);
            new MemberPage(a, base).join("anxiety", "Ann");
            MemberPage cy = new MemberPage(c, base).join("grief", "Cy");

            a.click("#help-button");
            WebElement card = a.find("#crisis-slot .crisis-card");
            assertEquals("high", card.getAttribute("data-level"));
            assertEquals("crisis-title", a.js("return document.activeElement.id"),
                    "asked for help: focus moves to the card");
            assertFalse(card.findElements(By.cssSelector("a[href^='tel:']")).isEmpty());
            WebElement help = mod.awaitItem("escalations", "pressed \"I need help now\"");
            assertEquals("high", help.getAttribute("data-level"));
            assertTrue(help.getText().contains("anxiety"), help.getText());

            // A later imminent escalation goes on top.
            cy.send("I have the pills ready and I'm going to take them all tonight");
            mod.awaitItem("escalations", "pills ready");
            assertEquals(List.of("imminent", "high"), modB.js(
                    "return [...document.querySelectorAll('#feed-escalations > li')].map(li => li.dataset.level)"),
                    "imminent first");
            modB.waitForText("#esc-count", "2");
            assertTrue(modB.driver().getTitle().startsWith("(2!)"), modB.driver().getTitle());

            // Claim Ann's: shown as claimed by this moderator, and no longer "open".
            mod.clickIn("escalations", "pressed \"I need help now\"", "Claim");
            modB.waitForText("#console-feedback", "You have taken this escalation");
            WebElement claimed = mod.awaitItem("escalations", "Claimed by you");
            assertEquals("claimed", claimed.getAttribute("data-status"));
            assertEquals("true", claimed.getAttribute("data-mine"));
            assertTrue(claimed.findElements(By.xpath(".//button[normalize-space()='Claim']")).isEmpty());
            modB.js("window.scrollTo(0, 0)");
            modB.screenshot(Screenshots.file("moderator-escalations.png"));

            // Resolve it: it leaves the feed.
            mod.clickIn("escalations", "Claimed by you", "Resolve");
            modB.find("#resolve-dialog[open]");
            new Select(modB.find("#resolve-outcome")).selectByValue("handed_off");
            modB.type("#resolve-note", "Ann is talking with Samaritans");
            modB.click("#resolve-form button[type=submit]");
            modB.waitForText("#console-feedback", "Escalation closed");
            modB.waitUntil(() -> modB.all("#feed-escalations > li").size() == 1, "one escalation left");
            assertEquals(List.of("imminent"), modB.js(
                    "return [...document.querySelectorAll('#feed-escalations > li')].map(li => li.dataset.level)"));
            modB.waitForText("#esc-count", "1");
        }
    }

    @Test
    void theOpenCrisisCardPassesAxeAndFitsAPhone() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(360, 740)) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("depression", "Ann", "GB");
            ann.send("Some days are hard.");
            ann.send(RISK);
            a.find("#crisis-slot .crisis-card a[href^='tel:']");
            Axe.check(a, "the room with the crisis card open (360 px phone)");
            a.screenshot(Screenshots.file("crisis-card.png"));
            assertInViewport(a, "#message-input");
            assertInViewport(a, "#help-button");
            assertInViewport(a, "#crisis-slot .crisis-quick a[href^='tel:']");
            Object overflow = a.js("return document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling with the card open");
            a.screenshot(Screenshots.file("crisis-card.png"));

            a.click("#help-button");
            a.waitUntil(() -> "crisis-title".equals(a.js("return document.activeElement.id")), "focus on the card");
            Axe.check(a, "the card after I need help now");
            assertNotEquals(0L, a.js("return document.querySelectorAll('#crisis-slot a').length"));
        }
    }

    static void assertInViewport(Browser b, String css) {
        Object where = b.js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return (r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0) ? 'yes'"
                + " : 'top ' + r.top + ', bottom ' + r.bottom + ', viewport ' + window.innerHeight;", css);
        assertEquals("yes", where, css + " is on screen");
    }

    private static void press(Browser b, CharSequence keys) {
        new Actions(b.driver()).sendKeys(keys).perform();
    }
}
