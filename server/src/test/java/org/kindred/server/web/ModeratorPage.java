package org.kindred.server.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The moderator console (moderator.html) as a moderator uses it. */
final class ModeratorPage {
    static final String USER = "morgan";
    static final String PASSWORD = "calm-and-kind-2026";

    final Browser browser;

    ModeratorPage(Browser browser) {
        this.browser = browser;
    }

    ModeratorPage signIn(String base) {
        return signIn(base, USER, PASSWORD);
    }

    ModeratorPage signIn(String base, String user, String password) {
        browser.open(base + "/moderator.html");
        browser.type("#login-user", user);
        browser.type("#login-password", password);
        browser.click("#login-form button[type=submit]");
        browser.find("#console-title");
        browser.find("#mod-rooms li[data-room]");
        return this;
    }

    /** Waits for a feed item (in #feed-{feed}) whose text contains {@code text}. */
    WebElement awaitItem(String feed, String text) {
        return browser.waitUntil(() -> {
            for (WebElement li : browser.all("#feed-" + feed + " > li")) {
                if (li.getText().contains(text)) {
                    return li;
                }
            }
            return null;
        }, feed + " item containing '" + text + "'");
    }

    /** Clicks a button of the feed item containing {@code text}, finding it again if it was re-rendered. */
    void clickIn(String feed, String text, String buttonText) {
        browser.waitUntil(() -> {
            clickIn(awaitItem(feed, text), buttonText);
            return true;
        }, "button '" + buttonText + "' in the " + feed + " item containing '" + text + "'");
    }

    void clickIn(WebElement item, String buttonText) {
        for (WebElement b : item.findElements(By.cssSelector("button"))) {
            if (b.getText().equals(buttonText)) {
                browser.clickCentered(b);
                return;
            }
        }
        throw new AssertionError("no button '" + buttonText + "' in " + item.getText());
    }

    /** Fills and confirms the action dialog. */
    void confirmAction(String kind, String durationLabel, String reason) {
        browser.find("#action-dialog[open]");
        if (kind != null) {
            browser.click("#act-" + kind);
        }
        if (durationLabel != null) {
            new Select(browser.find("#action-duration")).selectByVisibleText(durationLabel);
        }
        if (reason != null) {
            browser.type("#action-reason", reason);
        }
        browser.click("#action-confirm");
        browser.waitUntil(() -> browser.all("#action-dialog[open]").isEmpty(), "the action dialog to close");
    }

    String feedback() {
        return browser.find("#console-feedback").getText();
    }
}
