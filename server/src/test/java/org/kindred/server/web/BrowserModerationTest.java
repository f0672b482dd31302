package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A member's report reaches the moderator console; the moderator deletes, mutes and bans. */
class BrowserModerationTest {

    @Test
    void aReportReachesTheConsoleAndTheModeratorDeletesMutesAndBans() throws Exception {
        try (TestServer server = new TestServer(); Browser modB = new Browser(1280, 900);
                Browser a = new Browser(); Browser b = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage mod = new ModeratorPage(modB).signIn(base);
            Axe.check(modB, "the moderator console");

            MemberPage ann = new MemberPage(a, base).join("general", "Ann");
            MemberPage bo = new MemberPage(b, base).join("general", "Bo");
            bo.send("You always make everything about yourself");
            WebElement reported = ann.awaitMessage("You always make everything about yourself");
            reported.findElement(By.cssSelector(".report-button")).click();
            a.find("#report-dialog[open]");
            a.click("#reason-harassment");
            a.type("#report-note", "Unkind to me");
            a.click("#report-form button[type=submit]");
            a.waitForText("#room-feedback", "A moderator will take a look");

            // The report appears live in the console.
            WebElement report = mod.awaitItem("reports", "You always make everything about yourself");
            assertTrue(report.getText().contains("Harassment"), report.getText());
            modB.waitForText("#reports-count", "1");
            modB.js("window.scrollTo(0, 0)");
            modB.screenshot(Screenshots.file("moderator-console.png"));

            // Delete the reported message: it disappears for everyone.
            mod.clickIn(report, "Delete message");
            mod.confirmAction(null, null, "Unkind");
            modB.waitForText("#console-feedback", "Message deleted");
            a.waitForText("#messages li.deleted", "removed by a moderator");
            b.waitForText("#messages li.deleted", "removed by a moderator");

            // Mute Bo for 5 minutes from the same report: Bo is told, and sending is refused with a countdown.
            mod.clickIn(mod.awaitItem("reports", "Harassment"), "Act on member");
            mod.confirmAction("mute", "5 minutes", "Cool down");
            modB.waitForText("#console-feedback", "muted for 5 minutes");
            b.waitForText("#room-feedback", "paused your messages");
            bo.send("Let me talk");
            b.waitForText("#room-feedback .feedback-countdown", "You can try again in");
            assertEquals("Let me talk", b.find("#message-input").getAttribute("value"), "the text is kept");

            // Watch the room and ban Bo from a live message.
            modB.click("#mod-rooms li[data-room='general'] button[aria-label^='Watch ']");
            modB.find("#live-room");
            // The watching moderator is shown to the room as staff, not as one more anonymous member.
            WebElement joinedLine = a.waitUntil(() -> a.all("#messages li.system").stream()
                    .filter(li -> li.getText().endsWith(" joined") && !li.getText().startsWith("Bo"))
                    .findFirst().orElse(null), "the moderator's arrival");
            assertEquals("Moderator", joinedLine.findElement(By.cssSelector(".staff-badge")).getText());
            a.waitForText("#presence", "including a moderator");
            ann.send("Thank you, moderators");
            WebElement live = modB.waitUntil(() -> modB.all("#live-messages li").stream()
                    .filter(li -> li.getText().contains("Thank you, moderators")).findFirst().orElse(null),
                    "Ann's message in the live view");
            assertTrue(live.getText().startsWith("Ann"), live.getText());
            mod.clickIn(mod.awaitItem("reports", "Harassment"), "Act on member");
            mod.confirmAction("ban", "1 day", "Repeated harassment");
            modB.waitForText("#console-feedback", "banned for 1 day");
            String listed = modB.waitForText("#bans li", "Banned · Bo (Member ");
            assertTrue(listed.contains("Repeated harassment") && listed.contains("ends in 1 day"), listed);
            b.waitForText("#landing-feedback", "paused your access");
            b.waitUntil(() -> !b.displayed("#room"), "Bo's room to disappear");
            assertTrue(b.displayed("#landing"), "Bo is back on the landing page");
            a.waitForText("#messages li.system", "Bo left");
            assertEquals("2 people here, including a moderator", ann.presence(), "Ann and the watching moderator");
        }
    }
}
