package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The warm hand-off in real Chromium: a member writes something imminent; the console names
 * them by nickname and room, "Reach" claims the escalation and invites them; the member sees a
 * calm invitation (focused, announced), accepts, and both talk privately — a crisis line passed
 * on stays visible; "End conversation" closes it for both; a link to the escalation focuses it;
 * a second invitation is declined. axe-core on both sides.
 */
class BrowserHandOffTest {
    private static final String RISK = "I have the pills ready and I'm going to take them all tonight";

    @Test
    void aModeratorReachesAMemberWhoAcceptsAndBothTalkPrivately() throws Exception {
        try (TestServer server = new TestServer(); Browser modB = new Browser(1280, 1040); Browser a = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage mod = new ModeratorPage(modB).signIn(base);
            MemberPage ann = new MemberPage(a, base).join("depression", "Ann", "GB");
            ann.send(RISK);
            a.find("#crisis-slot .crisis-card");

            // The console names the person by the nickname the room knows and says where they are now.
            WebElement esc = mod.awaitItem("escalations", "Ann");
            assertTrue(esc.getText().contains("Now in depression"), esc.getText());
            String escalation = esc.getAttribute("data-escalation");
            mod.clickIn(esc, "Reach");
            modB.find("#reach-panel");
            modB.waitForText("#reach-panel h2", "Private conversation with Ann (invited)");
            modB.waitForText("#reach-panel .system", "Invitation sent to Ann");
            mod.awaitItem("escalations", "Claimed by you"); // Reach claims it first

            // The member: a calm invitation, focused and announced.
            WebElement invite = a.find("#invite-slot .invite-card");
            assertTrue(invite.getText().contains("Morgan (Moderator) would like to talk with you privately"),
                    invite.getText());
            assertTrue(invite.getText().contains("okay to say no"), invite.getText());
            a.waitUntil(() -> "invite-title".equals(a.js("return document.activeElement.id")),
                    "focus on the invitation");
            a.waitForText("#invite-announcer", "would like to talk with you privately");
            Axe.check(a, "the member page with an invitation");

            a.click("#invite-slot button[data-invite='accept']");
            WebElement chat = a.find("#private-chat");
            a.waitForText("#private-chat h2", "Private conversation with Morgan");
            assertEquals("Moderator", chat.findElement(By.cssSelector(".role-badge")).getText());
            assertTrue(chat.getText().contains("Only the two of you can see this"), chat.getText());
            a.waitUntil(() -> "private-title".equals(a.js("return document.activeElement.id")),
                    "focus on the private conversation");
            assertTrue(a.all("#invite-slot .invite-card").isEmpty(), "the invitation is gone once accepted");
            assertFalse(a.find("#private-chat").findElements(By.cssSelector("*")).isEmpty());
            assertEquals("none", a.js("return getComputedStyle(document.getElementById('room')).display"),
                    "the room steps aside while talking privately");

            modB.waitForText("#reach-panel .system", "Ann joined the conversation");
            modB.waitForText("#reach-panel h2", "Private conversation with Ann");

            // Both ways; the crisis line the moderator passes on stays as written.
            String lines = "I'm really glad you told us. You can call Samaritans on 116 123 any time, "
                    + "or text SHOUT to 85258. Can you tell me where you are right now?";
            modB.type("#reach-input", lines);
            modB.click("#reach-panel button[type=submit]");
            a.waitForText("#private-chat .message-text", "116 123");
            assertTrue(a.find("#private-chat").getText().contains(lines), "unmasked: " + a.find("#private-chat").getText());
            a.type("#private-input", "Thank you. I'm at home. I'll put them away.");
            a.click("#private-chat button[type=submit]");
            modB.waitForText("#reach-panel .message-text", "I'll put them away");
            a.waitForText("#private-chat li.own .message-text", "I'll put them away");

            Axe.check(a, "the member's private conversation");
            Axe.check(modB, "the console with a private conversation");
            a.js("document.getElementById('private-chat').scrollIntoView({block: 'end'})");
            a.screenshot(Screenshots.file("member-private-conversation.png"));
            modB.js("document.getElementById('esc-title').scrollIntoView({block: 'start'})");
            modB.js("window.scrollBy(0, -70)");
            modB.screenshot(Screenshots.file("console-private-conversation.png"));

            // A link from a page focuses the escalation.
            modB.open(base + "/moderator.html#escalation=" + escalation);
            modB.waitUntil(() -> escalation.equals(modB.js(
                    "return document.activeElement && document.activeElement.getAttribute('data-escalation')")),
                    "focus on the linked escalation");
            assertTrue(modB.find("#feed-escalations li.focused").getText().contains("Ann"));
        }
    }

    @Test
    void endingAndDecliningAreShownCalmlyOnBothSides() throws Exception {
        try (TestServer server = new TestServer(); Browser modB = new Browser(1280, 900); Browser a = new Browser()) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            ModeratorPage mod = new ModeratorPage(modB).signIn(base);
            MemberPage ann = new MemberPage(a, base).join("anxiety", "Ann");
            a.click("#help-button"); // "I need help now" opens an escalation too
            a.find("#crisis-slot .crisis-card");

            mod.clickIn("escalations", "Ann", "Reach");
            a.click("#invite-slot button[data-invite='accept']");
            a.find("#private-chat");
            modB.waitForText("#reach-panel .system", "Ann joined");
            modB.click("#reach-panel button[data-private-leave]"); // End conversation
            a.waitForText("#private-chat .private-status", "This private conversation has ended");
            assertTrue(Boolean.TRUE.equals(a.js("return document.getElementById('private-input').disabled")));
            a.click("#private-chat button[data-private-leave]"); // Close
            a.find("#room #message-input");
            a.waitUntil(() -> "room-title".equals(a.js("return document.activeElement.id")), "back in the room");
            modB.click("#reach-panel button[data-private-leave]"); // Close, after "End conversation"
            modB.waitUntil(() -> modB.all("#reach-panel:not([hidden])").isEmpty(), "the console panel put away");
            ann.send("still here");
            ann.awaitMessage("still here");

            // A second invitation, declined: the moderator is told, the member stays where they were.
            mod.clickIn("escalations", "Ann", "Reach");
            a.find("#invite-slot .invite-card");
            a.click("#invite-slot button[data-invite='decline']");
            a.waitForText("#help-feedback", "That's okay");
            modB.waitForText("#reach-panel .private-status", "declined");
            assertTrue(a.find("#room").isDisplayed(), "still in the room");
            assertTrue(Boolean.TRUE.equals(modB.js("return document.getElementById('reach-input').disabled")));
        }
    }
}
