package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The interface in the person's language, in real Chromium: a browser set to Spanish gets a Spanish
 * page and a Spanish crisis card; the switcher changes the language in place, keeps the conversation
 * and keeps the choice for the tab across a reload; a German member and a German moderator use Kindred
 * in German from the landing page to the crisis card and the console; axe-core passes in every language.
 */
class BrowserLanguageTest {
    private static final String RISK = "I want to kill myself tonight";
    /** English a page in another language must not show (the catalogs' English for the same places). */
    private static final List<String> ENGLISH = List.of("Welcome to Kindred", "I need help now", "Choose a room",
            "Community guidelines", "Leave room", "Write a message", "Support is here for you", "Only you can see this",
            "Report", "Nobody here yet", "Just you here");

    @Test
    void aSpanishBrowserGetsASpanishPageAndASpanishCrisisCard() throws Exception {
        try (TestServer server = new TestServer(); Browser a = Browser.speaking("es-ES,es")) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ana = new MemberPage(a, base).openLanding();
            assertEquals("es", a.js("return document.documentElement.lang"));
            assertEquals("es", a.js("return document.getElementById('lang-select').value"), "the switcher says so");
            a.waitForText("#landing-title", "Te damos la bienvenida a Kindred");
            assertEquals("Necesito ayuda ahora", a.find("#help-button").getText());
            assertTrue(a.find("#room-list button[data-room]").getText().startsWith("Entrar en "));
            assertEquals("España", new Select(a.find("#region")).getFirstSelectedOption().getText(),
                    "the region is guessed from es-ES and named in Spanish");
            assertNoEnglish(a, "the Spanish landing page");
            Axe.check(a, "the landing page in Spanish");
            a.screenshot(Screenshots.file("i18n-es-landing.png"));

            ana.join("depression", "Ana");
            assertEquals("Escribe un mensaje…", a.find("#message-input").getAttribute("placeholder"));
            a.waitForText("#presence", "Solo estás tú");
            a.find("#message-input").click();
            ana.send(RISK);
            WebElement card = a.find("#crisis-slot .crisis-card");
            assertEquals("Aquí tienes apoyo", a.find("#crisis-title").getText());
            // The card's sentence is the server's, in the session's language (hello.locale es-ES).
            assertTrue(a.find("#crisis-text").getText().contains("Nos alegra mucho que hayas escrito"),
                    a.find("#crisis-text").getText());
            assertTrue(card.getText().contains("Solo tú puedes ver esto"), card.getText());
            assertTrue(card.findElement(By.cssSelector("a[href^='tel:']")).getText().startsWith("Llamar al "));
            assertEquals("Cerrar la tarjeta de apoyo", card.findElement(By.cssSelector(".crisis-close"))
                    .getAttribute("aria-label"));
            a.waitForText("#crisis-announcer", "Las líneas de apoyo aparecen encima de la conversación");
            assertNoEnglish(a, "the Spanish room with its crisis card");
            Axe.check(a, "the crisis card in Spanish");
            a.js("window.scrollTo(0, 0)");
            a.screenshot(Screenshots.file("i18n-es-crisis.png"));
        }
    }

    @Test
    void theSwitcherChangesTheLanguageInPlaceKeepsTheConversationAndHoldsForTheTab() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser(); Browser b = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage zoe = new MemberPage(a, base).openLanding();
            a.waitForText("#landing-title", "Welcome to Kindred");
            choose(a, "fr");
            a.waitForText("#landing-title", "Bienvenue sur Kindred");
            assertEquals("fr", a.js("return document.documentElement.lang"));
            assertEquals("J'ai besoin d'aide", a.find("#help-button").getText());
            a.waitUntil(() -> a.find("#room-list button[data-room]").getText().startsWith("Rejoindre "),
                    "the room cards drawn again in French");
            assertEquals("Royaume-Uni", a.js("return document.querySelector('#region option[value=GB]').textContent"),
                    "region names follow the language");

            a.driver().navigate().refresh();
            a.find("#room-list button[data-room]");
            a.waitForText("#landing-title", "Bienvenue sur Kindred");
            assertEquals("fr", a.js("return document.getElementById('lang-select').value"), "kept for the tab");

            zoe.join("anxiety", "Zoe");
            MemberPage bo = new MemberPage(b, base).join("anxiety", "Bo");
            zoe.send("Bonjour à tous");
            bo.send("Hi Zoe, welcome");
            zoe.awaitMessage("Hi Zoe, welcome");
            WebElement report = a.find("#messages .report-button");
            assertEquals("Signaler", report.getText());
            assertEquals("Signaler le message de Bo", report.getAttribute("aria-label"));
            a.waitForText("#presence", "2 personnes ici");
            Axe.check(a, "the room in French");

            choose(a, "de");
            a.waitUntil(() -> "Melden".equals(a.find("#messages .report-button").getText()),
                    "the report button in German");
            assertEquals("de", a.js("return document.documentElement.lang"));
            assertEquals(List.of("Bonjour à tous", "Hi Zoe, welcome"), zoe.messageTexts(), "the conversation stays");
            assertEquals("Nachricht von Bo melden", a.find("#messages .report-button").getAttribute("aria-label"));
            assertEquals("Du", a.find("#messages li.own .message-nick").getText());
            assertEquals("Schreib eine Nachricht…", a.find("#message-input").getAttribute("placeholder"));
            assertEquals("Raum verlassen", a.find("#leave-button").getText());
            a.waitForText("#presence", "2 Personen hier");
            assertTrue(a.find("#messages").getText().contains("Bo ist dazugekommen"), a.find("#messages").getText());
            Axe.check(a, "the room after switching to German");
            a.screenshot(Screenshots.file("i18n-switched-de.png"));

            // A reload of the tab: still German, the same conversation.
            a.driver().navigate().refresh();
            a.find("#room #message-input");
            a.waitUntil(() -> zoe.messageTexts().contains("Hi Zoe, welcome"), "the conversation after the reload");
            assertEquals("de", a.js("return document.documentElement.lang"));
            assertEquals("Melden", a.find("#messages .report-button").getText());
        }
    }

    @Test
    void aGermanMemberAndAGermanModeratorUseKindredInGerman() throws Exception {
        try (TestServer server = new TestServer(); Browser a = Browser.speaking("de-DE,de");
                Browser b = Browser.speaking("de-AT,de"); Browser m = new Browser(1280, 900, "de-DE,de")) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            MemberPage jana = new MemberPage(a, base).openLanding();
            a.waitForText("#landing-title", "Willkommen bei Kindred");
            assertEquals("Ich brauche jetzt Hilfe", a.find("#help-button").getText());
            // The guidelines first, in German.
            a.click("#room-list button[data-room='general']");
            a.waitForText("#accept-error", "Bitte lies zuerst die Regeln und setz das Häkchen.");
            assertNoEnglish(a, "the German landing page");
            a.screenshot(Screenshots.file("i18n-de-landing.png"));

            jana.join("general", "Jana");
            MemberPage lukas = new MemberPage(b, base).join("general", "Lukas");
            jana.send("Hallo zusammen, wie geht es euch heute?");
            lukas.awaitMessage("Hallo zusammen, wie geht es euch heute?");
            String time = b.find("#messages li.message .message-time").getText();
            assertTrue(time.matches("\\d{2}:\\d{2}"), "a 24-hour clock, as German writes it: " + time);

            // Lukas reports the message, all in German.
            b.click("#messages .report-button");
            b.find("#report-dialog[open]");
            assertEquals("Diese Nachricht melden", b.find("#report-title").getText());
            Axe.check(b, "the report dialog in German");
            b.find("#report-form button[type=submit]").click();
            b.waitForText("#report-error", "Bitte wähle einen Grund.");
            b.click("label[for='reason-spam']");
            assertEquals("Spam oder Werbung", b.find("label[for='reason-spam']").getText());
            b.find("#report-form button[type=submit]").click();
            b.waitForText("#room-feedback", "Danke, dass du uns Bescheid gibst.");

            // Jana asks for help: the card, its sentence from the server and the check-in offer in German.
            a.click("#help-button");
            a.find("#crisis-slot .crisis-card");
            assertEquals("Hier bekommst du Unterstützung", a.find("#crisis-title").getText());
            assertTrue(a.find("#crisis-text").getText().contains("Danke, dass du das teilst"),
                    a.find("#crisis-text").getText());
            a.waitForText("#crisis-slot .checkin-offer", "Später nachfragen, wie es mir geht");
            assertNoEnglish(a, "the German room with its crisis card");
            Axe.check(a, "the crisis card in German");
            a.js("window.scrollTo(0, 0)");
            a.screenshot(Screenshots.file("i18n-de-crisis.png"));
            a.click("#crisis-slot .crisis-close");
            a.waitForText("#crisis-announcer", "Hilfekarte geschlossen.");

            // The moderator's console in German, with Jana's request for help.
            m.open(base + "/moderator.html");
            m.waitForText("#login-title", "Anmeldung für das Moderationsteam");
            new ModeratorPage(m).signIn(base);
            m.waitForText("#console-title", "Moderationskonsole");
            ModeratorPage mod = new ModeratorPage(m);
            WebElement help = mod.awaitItem("escalations", "hat „Ich brauche jetzt Hilfe“ gedrückt");
            assertEquals("Hoch", help.findElement(By.cssSelector(".level")).getAttribute("textContent"));
            assertTrue(help.getText().contains("Übernehmen"), help.getText());
            assertFalse(m.find("#console").getText().contains("People who may need help"));
            Axe.check(m, "the console in German");
            m.js("window.scrollTo(0, 0)");
            m.screenshot(Screenshots.file("i18n-de-console.png"));
            // The console's switcher: the feeds are drawn again in French, nothing is lost.
            choose(m, "fr");
            m.waitForText("#console-title", "Console de modération");
            WebElement again = mod.awaitItem("escalations", "Jana");
            assertTrue(again.getText().contains("Prendre en charge"), again.getText());
            assertEquals("Prendre en charge l'escalade concernant Jana", again.findElement(By.cssSelector("button"))
                    .getAttribute("aria-label"));
            assertTrue(m.find("#feed-reports").getText().contains("Spam · Jana"), m.find("#feed-reports").getText());

            // Leaving: the landing page again, still German.
            a.click("#leave-button");
            a.find("#landing #room-list button[data-room]");
            a.waitForText("#landing-title", "Willkommen bei Kindred");
        }
    }

    @Test
    void everyLanguagePassesAxeOnTheLandingPageTheRoomAndTheCrisisCard() throws Exception {
        try (TestServer server = new TestServer()) {
            String base = "http://127.0.0.1:" + server.port();
            for (String lang : List.of("en-GB", "es-ES", "de-DE", "fr-FR")) {
                try (Browser a = Browser.speaking(lang)) {
                    String code = lang.substring(0, 2);
                    MemberPage p = new MemberPage(a, base).openLanding();
                    assertEquals(code, a.js("return document.documentElement.lang"));
                    Axe.check(a, "the landing page (" + lang + ")");
                    p.join("recovery", "Sam" + code);
                    Axe.check(a, "the room (" + lang + ")");
                    a.click("#help-button");
                    a.find("#crisis-slot .crisis-card");
                    Axe.check(a, "the crisis card (" + lang + ")");
                    if (!"en".equals(code)) {
                        assertNoEnglish(a, "the room in " + lang);
                    }
                    a.click("#leave-button");
                    a.find("#landing #room-list button[data-room]");
                }
            }
        }
    }

    @Test
    void onAPhoneTheTopBarStaysOneRowInEveryLanguage() throws Exception {
        try (TestServer server = new TestServer()) {
            String base = "http://127.0.0.1:" + server.port();
            for (String lang : List.of("en-GB", "es-ES", "de-DE", "fr-FR")) {
                try (Browser a = new Browser(360, 740, lang)) {
                    new MemberPage(a, base).join("anxiety", "Kim" + lang.substring(0, 2));
                    Number bar = (Number) a.js("return document.querySelector('.top-bar').getBoundingClientRect().height");
                    assertTrue(bar.doubleValue() <= 72, lang + ": the top bar is " + bar + " px high (one row is at most 72)");
                    BrowserCrisisTest.assertInViewport(a, "#message-input");
                    BrowserCrisisTest.assertInViewport(a, "#lang-select");
                    Axe.check(a, "the room on a 360 px phone (" + lang + ")");
                    a.screenshot(Screenshots.file("i18n-" + lang.substring(0, 2) + "-room-phone.png"));
                }
            }
        }
    }

    private static void choose(Browser a, String code) {
        new Select(a.find("#lang-select")).selectByValue(code);
    }

    /** No catalog English is visible (room titles and what people wrote are not the client's words). */
    private static void assertNoEnglish(Browser a, String where) {
        String visible = String.valueOf(a.js("return document.body.innerText"));
        for (String english : ENGLISH) {
            assertFalse(visible.contains(english), where + " shows \"" + english + "\":\n" + visible);
        }
    }
}
