package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console as a team of moderators sees it: a report dismissed in one console leaves every
 * console, alerts are still there after a reload, room counts move as people come and go.
 */
class BrowserConsoleSharedTest {
    private static final String SAM = "sam";
    private static final String SAM_PASSWORD = "another-calm-password-1";

    @Test
    void twoModeratorsShareDismissalsAlertsAndLiveCounts() throws Exception {
        try (TestServer server = new TestServer(); Browser one = new Browser(1280, 900);
                Browser two = new Browser(1280, 900); Browser a = new Browser(); Browser b = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            server.server().bootstrapModerator(SAM + ":" + SAM_PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage morgan = new ModeratorPage(one).signIn(base);
            ModeratorPage sam = new ModeratorPage(two).signIn(base, SAM, SAM_PASSWORD);
            String general = "#mod-rooms li[data-room='general'] .room-people";
            one.waitForText(general, "0 of ");

            // Counts are live: well within the 15 s wait, far from the 30 s of a periodic refresh.
            MemberPage ann = new MemberPage(a, base).join("general", "Ann");
            long joined = System.nanoTime();
            one.waitForText(general, "1 of ");
            two.waitForText(general, "1 of ");
            MemberPage bo = new MemberPage(b, base).join("general", "Bo");
            one.waitForText(general, "2 of ");
            assertTrue(System.nanoTime() - joined < 20_000_000_000L);

            // A report dismissed by Morgan leaves Sam's console too.
            bo.send("Nobody cares what you think");
            WebElement reported = ann.awaitMessage("Nobody cares what you think");
            reported.findElement(By.cssSelector(".report-button")).click();
            a.find("#report-dialog[open]");
            a.click("#reason-harassment");
            a.click("#report-form button[type=submit]");
            a.waitForText("#room-feedback", "A moderator will take a look");
            morgan.awaitItem("reports", "Nobody cares what you think");
            sam.awaitItem("reports", "Nobody cares what you think");
            morgan.clickIn("reports", "Nobody cares what you think", "Dismiss");
            one.waitForText("#console-feedback", "Report dismissed");
            for (Browser console : List.of(one, two)) {
                console.waitUntil(() -> console.all("#feed-reports > li").isEmpty(), "the report to leave");
                assertTrue(console.displayed("#feed-reports + .empty-note"), "'No open reports.' shows");
                assertEquals("", console.js("return document.getElementById('reports-count').textContent"));
            }

            // A blocked message alerts both; a reload keeps the alert; a dismissed alert stays dismissed.
            bo.send("k y s");
            morgan.awaitItem("alerts", "k y s");
            sam.awaitItem("alerts", "k y s");
            two.driver().navigate().refresh();
            two.find("#console-title");
            WebElement kept = sam.awaitItem("alerts", "k y s");
            sam.clickIn(kept, "Dismiss");
            two.waitUntil(() -> two.all("#feed-alerts > li").isEmpty(), "the alert to go");
            two.driver().navigate().refresh();
            two.find("#console-title");
            two.find("#mod-rooms li[data-room]");
            Thread.sleep(500); // the queue has been read again by now
            assertTrue(two.all("#feed-alerts > li").isEmpty(), "dismissed here stays dismissed after a reload");
            morgan.awaitItem("alerts", "k y s"); // Morgan's own view is untouched

            // Leaving lowers the count at once.
            a.click("#leave-button");
            one.waitForText(general, "1 of ");
            two.waitForText(general, "1 of ");
        }
    }
}
