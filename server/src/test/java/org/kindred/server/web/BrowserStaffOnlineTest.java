package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;
import org.kindred.server.it.TestServer;
import org.kindred.server.it.WsClient;
import org.openqa.selenium.WebElement;

/**
 * "Staff online" in the console: an admin whose browser speaks German sees who is on duty, in German
 * (title, roles, rooms, since) — herself included from the first reading, which the console asks for
 * only once its own {@code mod.watch} (what puts it on duty) is answered — and the list follows a
 * moderator who leaves; a moderator's console has no such panel. axe-core passes on the admin's
 * console.
 */
class BrowserStaffOnlineTest {
    private static final String PASSWORD = "on-duty-with-care-2026";
    /**
     * Run in the page before its own scripts: notes in {@code window.kindredOrder}, in order, when
     * {@code mod.watch} is sent and answered and when the staff list is read.
     */
    private static final String NOTE_ORDER = """
            window.kindredOrder = [];
            const watches = new Set();
            window.WebSocket = class extends window.WebSocket {
              constructor(...args) {
                super(...args);
                this.addEventListener('message', e => { // before the page's own listeners
                  try { if (watches.has(JSON.parse(e.data).id)) window.kindredOrder.push('watch answered'); } catch {}
                });
              }
              send(data) {
                try {
                  const m = JSON.parse(data);
                  if (m.type === 'mod.watch') {
                    watches.add(m.id);
                    window.kindredOrder.push('watch sent');
                  }
                } catch {}
                return super.send(data);
              }
            };
            const read = window.fetch;
            window.fetch = function (url, ...rest) {
              if (String(url).includes('/api/staff/online')) window.kindredOrder.push('staff read');
              return read.call(this, url, ...rest);
            };
            """;

    @Test
    void aGermanAdminSeesWhoIsOnDutyAndTheListFollowsWhoLeaves() throws Exception {
        try (TestServer server = new TestServer(); Browser b = new Browser(1280, 1000, "de-DE,de")) {
            server.server().staff().accounts().create("ada", Role.ADMIN, PASSWORD);
            server.server().staff().accounts().create("alex", Role.MODERATOR, PASSWORD);
            server.server().staff().accounts().create("kit", Role.SUPPORTER, PASSWORD);
            String base = "http://127.0.0.1:" + server.port();
            WsClient alex = staff(server.port(), "alex", List.of("*"));
            WsClient kit = staff(server.port(), "kit", List.of("depression"));
            try {
                b.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NOTE_ORDER));
                new ModeratorPage(b).signIn(base, "ada", PASSWORD);
                b.waitForText("#staff-title", "Team online");
                b.waitForText("#staff-updated", "Aktualisiert um "); // the first reading is shown
                List<?> order = (List<?>) b.js("return window.kindredOrder");
                assertTrue(order.indexOf("watch answered") >= 0
                        && order.indexOf("staff read") > order.indexOf("watch answered"),
                        "the list is read once the console is on duty: " + order);
                assertFalse(b.all("#staff-online li[data-staff='ada']").isEmpty(), "the admin, in the first reading");
                WebElement alexItem = item(b, "alex");
                assertTrue(alexItem.getText().contains("Moderation"), alexItem.getText());
                assertTrue(alexItem.getText().contains("Im Blick: alle Räume"), alexItem.getText());
                assertTrue(alexItem.getText().contains("im Dienst seit "), alexItem.getText());
                WebElement kitItem = item(b, "kit");
                assertTrue(kitItem.getText().contains("Peer-Begleitung"), kitItem.getText());
                assertTrue(kitItem.getText().contains("Im Blick: depression"), kitItem.getText());
                WebElement adaItem = item(b, "ada");
                assertTrue(adaItem.getText().contains("Administration"), adaItem.getText());
                assertEquals("3", b.find("#staff-count").getText());
                assertTrue(b.find("#staff-updated").getText().startsWith("Aktualisiert um "),
                        b.find("#staff-updated").getText());
                assertFalse(b.find("#staff-panel").getText().contains("Staff online"), "no English left");
                Axe.check(b, "the admin's console with Staff online, in German");
                b.js("document.getElementById('staff-panel').scrollIntoView({block: 'center'})");
                b.screenshot(Screenshots.file("console-staff-online-de.png"));

                alex.close();
                // the panel reads the list again every 15 seconds: alex is gone by the next reading
                long deadline = System.currentTimeMillis() + 40_000;
                while (!b.all("#staff-online li[data-staff='alex']").isEmpty()
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(250);
                }
                assertTrue(b.all("#staff-online li[data-staff='alex']").isEmpty(), "alex left the list");
                assertEquals("2", b.find("#staff-count").getText());
                assertFalse(b.all("#staff-online li[data-staff='kit']").isEmpty(), "kit is still on duty");
            } finally {
                alex.close();
                kit.close();
            }

            // A moderator's console has no Staff online panel.
            b.click("#sign-out");
            new ModeratorPage(b).signIn(base, "alex", PASSWORD);
            b.waitForText("#console-title", "Moderationskonsole");
            assertFalse(b.all("#staff-panel").get(0).isDisplayed(), "only admins see who is on duty");
        }
    }

    private static WebElement item(Browser b, String name) {
        return b.waitUntil(() -> {
            List<WebElement> found = b.all("#staff-online li[data-staff='" + name + "']");
            return found.isEmpty() ? null : found.get(0);
        }, name + " in Staff online");
    }

    /** A staff member signed in over WebSocket, watching {@code rooms}. */
    private static WsClient staff(int port, String name, List<String> rooms) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + name + "\",\"password\":\""
                                + PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("token").asText();
        WsClient c = WsClient.connect(port);
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "auth", token, "id", "h"));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        assertEquals("ok", c.request(Map.of("type", "mod.watch", "rooms", rooms, "id", "w")).path("type").asText());
        return c;
    }
}
