package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** axe-core finds no serious or critical WCAG 2.2 A/AA violations; keyboard-only use works. */
class BrowserAccessibilityTest {

    @Test
    void landingRoomReportDialogAndModeratorSignInPassAxe() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser(360, 740)) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).openLanding();
            Axe.check(a, "the landing page");
            ann.join("anxiety", "Ann");
            MemberPage bo = new MemberPage(b, base).join("anxiety", "Bo");
            bo.send("Hello, is anyone around tonight?");
            ann.awaitMessage("Hello, is anyone around tonight?");
            ann.send("Yes, I'm here.");
            Axe.check(a, "the room (desktop)");
            bo.awaitMessage("Yes, I'm here.");
            Axe.check(b, "the room (360 px phone)");

            a.click("#messages .report-button");
            a.find("#report-dialog[open]");
            Axe.check(a, "the report dialog");
            a.find("#report-cancel").click();

            a.open(base + "/moderator.html");
            a.find("#login-user");
            Axe.check(a, "the moderator sign-in");
        }
    }

    @Test
    void aMemberCanJoinAndWriteWithTheKeyboardOnly() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            new MemberPage(a, base).openLanding();
            // Tab from the top: skip link, help button, then the guidelines checkbox.
            press(a, Keys.TAB);
            assertEquals("Skip to content", a.driver().switchTo().activeElement().getText());
            tabTo(a, "accept");
            press(a, Keys.SPACE);
            tabTo(a, "nick");
            press(a, "Kay");
            tabTo(a, "region");
            tabToRoom(a, "depression");
            press(a, Keys.ENTER);
            a.find("#message-input");
            tabTo(a, "message-input");
            press(a, "Typed without a mouse");
            press(a, Keys.ENTER);
            new MemberPage(a, base).awaitMessage("Typed without a mouse");
            Object outline = a.js("const el = document.activeElement; return getComputedStyle(el).outlineStyle;");
            assertEquals("solid", outline, "focus is visible");
        }
    }

    private static void press(Browser a, CharSequence keys) {
        new Actions(a.driver()).sendKeys(keys).perform();
    }

    private static void tabTo(Browser a, String id) {
        for (int i = 0; i < 40; i++) {
            if (id.equals(a.driver().switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            press(a, Keys.TAB);
        }
        throw new AssertionError("could not reach #" + id + " with Tab");
    }

    private static WebElement tabToRoom(Browser a, String room) {
        for (int i = 0; i < 40; i++) {
            WebElement active = a.driver().switchTo().activeElement();
            if (room.equals(active.getAttribute("data-room"))) {
                return active;
            }
            press(a, Keys.TAB);
        }
        throw new AssertionError("could not reach the " + room + " room's button with Tab");
    }
}
