package org.kindred.server.web;

import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The member page (index.html) as a person uses it: accept, nickname, join, write. */
final class MemberPage {
    final Browser browser;
    private final String base;

    MemberPage(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    MemberPage openLanding() {
        browser.open(base + "/");
        browser.find("#room-list button[data-room]");
        return this;
    }

    MemberPage join(String room, String nick) {
        return join(room, nick, null);
    }

    /** Joins with the region picker set to {@code region} (ISO code), or left as guessed when null. */
    MemberPage join(String room, String nick, String region) {
        openLanding();
        WebElement accept = browser.find("#accept");
        if (!accept.isSelected()) {
            accept.click();
        }
        browser.type("#nick", nick);
        if (region != null) {
            new org.openqa.selenium.support.ui.Select(browser.find("#region")).selectByValue(region);
        }
        browser.click("#room-list button[data-room='" + room + "']");
        browser.find("#room #message-input");
        browser.waitUntil(() -> !browser.displayed("#landing"), "the landing page to give way to the room");
        browser.waitUntil(() -> browser.js("return document.activeElement.id").equals("room-title"),
                "focus on the room title");
        return this;
    }

    void send(String text) {
        WebElement input = browser.find("#message-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** Waits for a message with exactly this text; returns its list item. */
    WebElement awaitMessage(String text) {
        return browser.waitUntil(() -> {
            for (WebElement li : browser.all("#messages li.message")) {
                if (text.equals(li.findElement(org.openqa.selenium.By.cssSelector(".message-text")).getText())) {
                    return li;
                }
            }
            return null;
        }, "message '" + text + "'");
    }

    List<String> messageTexts() {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) browser.js(
                "return [...document.querySelectorAll('#messages li.message .message-text')].map(p => p.textContent)");
        return texts;
    }

    String presence() {
        return browser.find("#presence").getText();
    }
}
