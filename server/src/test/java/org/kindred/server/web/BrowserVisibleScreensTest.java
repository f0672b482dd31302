package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.it.TestServer;

/**
 * What each screen shows, checked as a person meets it: the controls a keyboard reaches with Tab
 * are exactly the ones of that screen (all of them rendered), and what the screen hides is not
 * displayed. Catches a stylesheet that lets a hidden screen show through.
 */
class BrowserVisibleScreensTest {
    private static final List<String> TOP = List.of("Skip to content", "#lang-select", "#help-button");

    @Test
    void theMemberSeesOnlyTheControlsOfTheScreenTheyAreOn() throws Exception {
        try (TestServer server = new TestServer(); Browser a = new Browser()) {
            String base = "http://127.0.0.1:" + server.port();
            MemberPage ann = new MemberPage(a, base).openLanding();
            List<String> landing = landingStops(a);
            assertEquals(landing, a.tabStops(), "the landing page");
            assertRoomHidden(a);
            a.screenshot(Screenshots.file("member-landing.png"));

            ann.join("general", "Ann");
            assertFalse(a.displayed("#landing"), "the landing page is gone in the room");
            assertTrue(a.displayed("#room"));
            List<String> room = new ArrayList<>(TOP);
            room.addAll(List.of("#leave-button", "Room guidelines", "#message-log", "#message-input", "#send-button"));
            assertEquals(room, a.tabStops(), "in the room");

            a.click("#leave-button");
            a.find("#landing #room-list button[data-room]");
            assertRoomHidden(a);
            assertEquals(landing, a.tabStops(), "after Leave room: the landing page again, nothing of the room");
        }
    }

    @Test
    void theConsoleSignInPageShowsOnlySignIn() throws Exception {
        try (TestServer server = new TestServer(); Browser m = new Browser(1280, 900)) {
            server.server().bootstrapModerator(ModeratorPage.USER + ":" + ModeratorPage.PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            m.open(base + "/moderator.html");
            m.find("#login-user");
            // the console's script focuses the user name once its modules are loaded: walk the tab
            // order after that, or the focus jumps there in the middle of the walk
            m.waitUntil(() -> "login-user".equals(m.js("return document.activeElement && document.activeElement.id"))
                    ? true : null, "the sign-in form to be ready");
            assertEquals(List.of("Skip to content", "#lang-select", "#login-user", "#login-password", "Sign in"), m.tabStops(),
                    "the sign-in page");
            for (String hidden : List.of("#sound-toggle", "#sign-out", "#console")) {
                assertFalse(m.displayed(hidden), hidden + " is not shown before signing in");
            }
            m.screenshot(Screenshots.file("moderator-sign-in.png"));

            new ModeratorPage(m).signIn(base);
            assertFalse(m.displayed("#login"), "the sign-in form is gone once signed in");
            assertFalse(m.displayed("#live-room"), "no live room before Watch");
            List<String> console = new ArrayList<>(List.of("Skip to content", "#lang-select", "#sound-toggle", "#sign-out"));
            @SuppressWarnings("unchecked")
            List<String> rooms = (List<String>) m.js(
                    "return [...document.querySelectorAll('#mod-rooms li[data-room]')].map(li => li.dataset.room)");
            for (String room : rooms) {
                String title = (String) m.js("return document.querySelector(\"#mod-rooms li[data-room='\" + arguments[0]"
                        + " + \"'] h3\").textContent", room);
                console.addAll(List.of("#slow-" + room, "Apply slow mode in " + title, "Lock room", "Watch " + title));
            }
            console.addAll(List.of("#unban-id", "Lift ban"));
            assertEquals(console, m.tabStops(), "the signed-in console");

            m.click("#sign-out");
            m.find("#login-user");
            assertEquals(List.of("Skip to content", "#lang-select", "#login-user", "#login-password", "Sign in"), m.tabStops(),
                    "signed out: the sign-in page again");
            assertFalse(m.displayed("#console"));
        }
    }

    private static List<String> landingStops(Browser a) {
        List<String> stops = new ArrayList<>(TOP);
        stops.addAll(List.of("#accept", "#nick", "#region"));
        @SuppressWarnings("unchecked")
        List<String> joins = (List<String>) a.js(
                "return [...document.querySelectorAll('#room-list button')].map(b => b.textContent)");
        assertFalse(joins.isEmpty());
        stops.addAll(joins);
        return stops;
    }

    private static void assertRoomHidden(Browser a) {
        for (String css : List.of("#room", "#leave-button", "#message-input", "#send-button", "#message-log")) {
            assertFalse(a.displayed(css), css + " must not show outside a room");
        }
        assertTrue(a.displayed("#landing"));
        // Nothing of the room sits under the room list either (what a pointer would hit).
        Object hit = a.js("const r = document.getElementById('room-list').getBoundingClientRect();"
                + "window.scrollTo(0, document.body.scrollHeight);"
                + "const e = document.elementFromPoint(window.innerWidth / 2, window.innerHeight - 5);"
                + "return e ? e.closest('#room') !== null : false;");
        assertEquals(Boolean.FALSE, hit, "the bottom of the landing page is not the room");
    }
}
