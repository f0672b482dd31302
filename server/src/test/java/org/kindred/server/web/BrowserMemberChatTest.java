package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.kindred.server.session.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Members chatting in real headless Chromium against the real server. */
class BrowserMemberChatTest {

    @Test
    void twoMembersChatWithPresenceTypingAndHistoryForALateJoiner() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("anxiety", "Ann");
            assertEquals("Just you here", ann.presence());
            MemberPage bo = new MemberPage(b, base).join("anxiety", "Bo");
            a.waitForText("#presence", "2 people here");
            a.waitForText("#messages li.system", "Bo joined");

            a.find("#message-input").sendKeys("Hello");
            b.waitForText("#typing", "Ann is typing");
            a.find("#message-input").clear();
            ann.send("Hi everyone, first time here.");
            WebElement seen = bo.awaitMessage("Hi everyone, first time here.");
            assertEquals("Ann", seen.findElement(By.cssSelector(".message-nick")).getText());
            assertTrue(seen.findElement(By.cssSelector("time")).getAttribute("datetime").endsWith("Z"));
            assertFalse(seen.findElements(By.cssSelector(".report-button")).isEmpty(), "others' messages can be reported");
            WebElement own = ann.awaitMessage("Hi everyone, first time here.");
            assertEquals("You", own.findElement(By.cssSelector(".message-nick")).getText());
            assertTrue(own.findElements(By.cssSelector(".report-button")).isEmpty(), "no report on your own message");

            bo.send("Welcome, Ann. Take your time.");
            ann.awaitMessage("Welcome, Ann. Take your time.");
            assertEquals("", a.find("#message-input").getAttribute("value"));
            a.screenshot(Screenshots.file("member-room.png"));

            try (Browser c = new Browser(360, 740)) {
                MemberPage cy = new MemberPage(c, base).join("anxiety", "Cy");
                cy.awaitMessage("Welcome, Ann. Take your time.");
                assertEquals(List.of("Hi everyone, first time here.", "Welcome, Ann. Take your time."),
                        cy.messageTexts(), "late joiner gets the history, oldest first");
                assertEquals("3 people here", cy.presence());
                Object overflow = c.js("return document.documentElement.scrollWidth > window.innerWidth");
                assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling on a 360 px phone");
                c.screenshot(Screenshots.file("member-room-phone.png"));
            }
        }
    }

    @Test
    void htmlAndScriptInAMessageAreShownAsText() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("general", "Ann");
            MemberPage bo = new MemberPage(b, base).join("general", "Bo");
            String payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";
            ann.send(payload);
            WebElement li = bo.awaitMessage(payload);
            assertTrue(li.findElements(By.cssSelector("img, script, b")).isEmpty(), "no markup was created");
            assertEquals(payload, b.js("return arguments[0].querySelector('.message-text').textContent", li));
            Thread.sleep(300);
            assertEquals(null, b.js("return window.__pwned === undefined ? null : window.__pwned"));
            assertEquals(null, a.js("return window.__pwned === undefined ? null : window.__pwned"));
        }
    }

    @Test
    void afterTheServerDropsTheSocketTheMemberResumesAndKeepsTheConversation() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("grief", "Ann");
            MemberPage bo = new MemberPage(b, base).join("grief", "Bo");
            ann.send("Before the drop");
            bo.awaitMessage("Before the drop");

            // Ann said hello first: drop her socket from the server side (no close frame).
            Session annSession = server.server().sessions().all().stream()
                    .filter(s -> s.rooms().contains("grief"))
                    .min(java.util.Comparator.comparingLong(Session::createdAt)).orElseThrow();
            ((org.kindred.server.transport.Connection) annSession.connection()).channel().close();
            a.waitForText("#conn-status", "Reconnecting");
            bo.send("Sent while Ann was away");
            a.waitForText("#conn-status", "Connected again");
            ann.awaitMessage("Sent while Ann was away");
            assertEquals(List.of("Before the drop", "Sent while Ann was away"), ann.messageTexts(),
                    "the conversation is kept, nothing twice");
            ann.send("I'm back");
            WebElement back = bo.awaitMessage("I'm back");
            assertEquals("Ann", back.findElement(By.cssSelector(".message-nick")).getText());
            for (WebElement sys : b.all("#messages li.system")) {
                assertFalse(sys.getText().contains("Ann left"), "nobody saw Ann leave");
            }
        }
    }

    @Test
    void reloadingThePageResumesTheSameMemberRoomAndConversationAndLeavingEndsIt() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).join("grief", "Ann", "GB");
            MemberPage bo = new MemberPage(b, base).join("grief", "Bo");
            ann.send("Before the reload");
            bo.awaitMessage("Before the reload");
            bo.send("Hi Ann");
            ann.awaitMessage("Hi Ann");
            ann.send(RISK_FOR_CARD);
            a.find("#crisis-slot .crisis-card");
            String title = a.find("#room-title").getText();
            Object before = a.js("return JSON.parse(sessionStorage.getItem('kindred.tab')).memberId");
            assertTrue(before instanceof String s && !s.isEmpty(), "member id kept for this tab: " + before);

            a.driver().navigate().refresh();
            bo.send("Sent during the reload");
            a.find("#room #message-input");
            assertFalse(a.displayed("#landing"), "straight back in the room, no landing page");
            // A reload is not a lost connection: the status line never says "Connected again".
            for (int i = 0; i < 20; i++) {
                String status = a.find("body").findElement(By.id("conn-status")).getText();
                assertFalse(status.contains("Connected again") || status.contains("Reconnecting"), status);
                Thread.sleep(100);
            }
            assertEquals(title, a.find("#room-title").getText());
            ann.awaitMessage("Sent during the reload");
            assertEquals(List.of("Before the reload", "Hi Ann", RISK_FOR_CARD, "Sent during the reload"),
                    ann.messageTexts(), "the conversation is kept, nothing twice");
            assertEquals(before, a.js("return JSON.parse(sessionStorage.getItem('kindred.tab')).memberId"),
                    "the same member after the reload");
            a.find("#crisis-slot .crisis-card a[href^='tel:']"); // the open support card came back too
            a.waitForText("#presence", "2 people here");
            assertEquals(2, server.server().sessions().all().stream().filter(s -> s.rooms().contains("grief")).count(),
                    "no second member was created");

            ann.send("Still me");
            WebElement still = bo.awaitMessage("Still me");
            assertEquals("Ann", still.findElement(By.cssSelector(".message-nick")).getText());
            assertEquals("You", ann.awaitMessage("Still me").findElement(By.cssSelector(".message-nick")).getText());
            for (WebElement sys : b.all("#messages li.system")) {
                assertFalse(sys.getText().contains("Ann left"), "Bo never saw Ann leave");
            }
            for (WebElement sys : b.all("#messages li.system")) {
                assertFalse(sys.getText().contains("Ann joined"), "Ann did not join again");
            }

            // Leaving deliberately forgets the session: a reload starts on the landing page.
            a.click("#leave-button");
            a.find("#landing #room-list");
            for (String gone : List.of("#room", "#messages", "#message-input", "#leave-button")) {
                assertFalse(a.displayed(gone), gone + " is gone once Ann has left");
            }
            assertEquals(null, a.js("return sessionStorage.getItem('kindred.tab')"));
            b.waitForText("#messages li.system", "Ann left");
            a.driver().navigate().refresh();
            a.find("#room-list button[data-room]");
            assertFalse(a.displayed("#room"), "a reload after leaving starts on the landing page");
            assertTrue(a.displayed("#landing"));
        }
    }

    private static final String RISK_FOR_CARD = "I want to kill myself tonight";
}
