package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.crisis.CheckInQuestions;
import org.kindred.server.it.TestServer;
import org.kindred.server.store.Escalation;
import org.kindred.server.testing.ManualTimer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Check in on me later" in real Chromium, as a person sees it: the offer at the end of the
 * crisis card (30 min, 1 h, 3 h), the confirmation and cancel, the warm question when the time
 * comes (the server's timer is moved by hand), the answers, and "worse" bringing the card back.
 * Checked with axe-core; screenshots in target/screenshots.
 */
class BrowserCheckInTest {
    private static final String QUESTION = CheckInQuestions.bundled().question("en");

    private static TestServer server(ManualTimer timer) throws Exception {
        return new TestServer(b -> b, "{}", s -> s.checkInTimer(timer));
    }

    /** Presses "I need help now" and returns the card's check-in offer once it is on screen. */
    private static WebElement helpAndOffer(Browser a) {
        a.click("#help-button");
        a.find("#crisis-slot .crisis-card");
        WebElement offer = a.find("#crisis-slot .checkin-offer");
        a.js("arguments[0].scrollIntoView({block: 'center'})", offer);
        return offer;
    }

    private static List<String> labels(WebElement scope, String css) {
        return scope.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void thePersonPlansACancelsAndAnswersACheckInFromTheCrisisCard() throws Exception {
        ManualTimer timer = new ManualTimer();
        try (TestServer server = server(timer); Browser a = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            new MemberPage(a, base).join("anxiety", "Ann", "GB");

            WebElement offer = helpAndOffer(a);
            assertEquals("Check in on me later", offer.findElement(By.tagName("h3")).getText());
            assertTrue(offer.getText().contains("Only you will see it"), offer.getText());
            assertEquals(List.of("In 30 minutes", "In 1 hour", "In 3 hours"), labels(offer, "button[data-minutes]"));
            assertEquals("group", offer.findElement(By.cssSelector("[role=group]")).getAttribute("role"));
            Axe.check(a, "the crisis card with the check-in offer");
            a.screenshot(Screenshots.file("checkin-offer.png"));

            // Plan one hour: a confirmation saying when, and a way to cancel (focus moves to it).
            a.clickCentered(offer.findElement(By.cssSelector("button[data-minutes='60']")));
            String confirmed = a.waitForText("#checkin-offer-status", "Check-in planned.");
            assertTrue(confirmed.contains("in 1 hour, at about"), confirmed);
            assertEquals("Cancel the check-in", a.js("return document.activeElement.textContent"));
            assertTrue(a.find(".checkin-planned").getText().contains("We'll check in with you in 1 hour"));
            assertEquals(1, timer.pending(), "the server planned it");
            a.screenshot(Screenshots.file("checkin-planned.png"));

            // Cancel: the server forgets it, the choices come back with focus on the first.
            a.click("[data-checkin-cancel]");
            a.waitForText("#checkin-offer-status", "Check-in cancelled.");
            assertEquals("30", a.js("return document.activeElement.dataset.minutes"));
            assertEquals(0, timer.pending(), "cancelled on the server too");

            // Plan 30 minutes, close the card and go on chatting; the time comes.
            a.click("button[data-minutes='30']");
            a.waitForText("#checkin-offer-status", "in 30 minutes");
            a.click(".crisis-close");
            a.waitUntil(() -> a.all(".crisis-card").isEmpty(), "the card to close");
            a.find("#message-input").click();
            timer.advance(Duration.ofMinutes(29));
            assertEquals(Boolean.TRUE, a.js("return document.getElementById('checkin-slot').hidden"), "not yet");
            timer.advance(Duration.ofMinutes(1));

            WebElement card = a.find("#checkin-slot .checkin-card");
            assertEquals("Checking in", card.findElement(By.tagName("h2")).getText());
            assertEquals(QUESTION, card.findElement(By.cssSelector(".checkin-question")).getText());
            assertEquals(List.of("Better", "About the same", "Worse"), labels(card, "button[data-answer]"));
            a.waitUntil(() -> "checkin-title".equals(a.js("return document.activeElement.id")), "focus on the question");
            a.waitForText("#crisis-announcer", "Kindred is checking in, as you asked");
            BrowserCrisisTest.assertInViewport(a, "#checkin-slot .checkin-card button[data-answer='worse']");
            BrowserCrisisTest.assertInViewport(a, "#message-input");
            a.screenshot(Screenshots.file("checkin-question.png"));
            Axe.check(a, "the check-in question in the room");

            // "About the same": a thank-you, audited on the server without any text.
            a.click("button[data-answer='same']");
            a.waitForText("#checkin-slot .checkin-thanks", "Thank you for letting us know");
            assertEquals("Close the check-in", a.js("return document.activeElement.getAttribute('aria-label')"));
            assertTrue(server.server().staff().escalations().unresolved().stream()
                    .noneMatch(e -> e.excerpt() != null && e.excerpt().contains("check-in")), "no escalation");
            a.waitUntil(() -> server.server().store().audit().recent(50).stream()
                    .anyMatch(e -> "checkin_answered".equals(e.action()) && "same".equals(e.reason())), "the audit");
            a.click("#checkin-slot button[aria-label='Close the check-in']");
            a.waitUntil(() -> Boolean.TRUE.equals(a.js("return document.getElementById('checkin-slot').hidden")),
                    "the question to close");
            assertEquals("message-input", a.js("return document.activeElement.id"), "back to the conversation");
        }
    }

    @Test
    void worseBringsTheCrisisCardBackWithFocusAndAModeratorHearsOfIt() throws Exception {
        ManualTimer timer = new ManualTimer();
        try (TestServer server = server(timer); Browser a = new Browser(360, 740)) {
            String base = "http://127.0.0.1:" + server.port();
            new MemberPage(a, base).join("depression", "Ann", "GB");
            WebElement offer = helpAndOffer(a);
            Axe.check(a, "the crisis card with the check-in offer (360 px phone)");
            a.clickCentered(offer.findElement(By.cssSelector("button[data-minutes='180']")));
            a.waitForText("#checkin-offer-status", "in 3 hours");
            a.click(".crisis-close");
            a.waitUntil(() -> a.all(".crisis-card").isEmpty(), "the card to close");
            // The "I need help now" press opened an escalation; a moderator resolves it meanwhile.
            Escalation help = server.server().staff().escalations().unresolved().get(0);
            server.server().staff().escalations().resolve(help.id(), "alex", ResolveOutcome.RESOLVED, null);

            timer.advance(Duration.ofHours(3));
            a.find("#checkin-slot .checkin-card");
            BrowserCrisisTest.assertInViewport(a, "#checkin-slot button[data-answer='worse']");
            BrowserCrisisTest.assertInViewport(a, "#message-input");
            Axe.check(a, "the check-in question (360 px phone)");
            a.screenshot(Screenshots.file("checkin-question-phone.png"));

            a.click("button[data-answer='worse']");
            WebElement card = a.find("#crisis-slot .crisis-card");
            assertEquals("high", card.getAttribute("data-level"));
            a.waitUntil(() -> "crisis-title".equals(a.js("return document.activeElement.id")),
                    "focus on the crisis card: the person said they feel worse");
            assertFalse(card.findElements(By.cssSelector(".crisis-quick a[href^='tel:']")).isEmpty(),
                    "the lines to call are right there");
            assertEquals(Boolean.TRUE, a.js("return document.getElementById('checkin-slot').hidden"));
            a.screenshot(Screenshots.file("checkin-worse.png"));

            Escalation opened = a.waitUntil(() -> server.server().staff().escalations().unresolved().stream()
                    .filter(e -> e.level() == RiskLevel.HIGH).findFirst().orElse(null), "a new escalation");
            assertTrue(opened.excerpt().contains("check-in"), opened.excerpt());
            assertEquals("depression", opened.room());
            a.waitUntil(() -> server.server().store().audit().recent(50).stream()
                    .anyMatch(e -> "checkin_answered".equals(e.action())
                            && ("worse, escalation " + opened.id()).equals(e.reason())), "the audit of worse");
        }
    }
}
