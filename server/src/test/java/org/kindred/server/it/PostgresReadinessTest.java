package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kindred.server.store.jdbc.PostgresStore;
import org.kindred.server.testing.PostgresServer;

/**
 * A server on PostgreSQL ({@code database} set) is ready only while its database answers: a load
 * balancer stops sending it members while PostgreSQL is unreachable and sends them again once it is
 * back, without the server being restarted.
 */
class PostgresReadinessTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int readyz(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readyzFollowsTheDatabase() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String db = pg.createDatabase();
            try (TestServer server = new TestServer(b -> b.database(pg.trustedUrl(db)))) {
                assertTrue(server.server().store() instanceof PostgresStore, "the PostgreSQL store");
                assertEquals(200, readyz(server.port()));
                pg.stopServer();
                assertEquals(503, readyz(server.port()), "not ready while the database is unreachable");
                pg.startServer();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int status;
                while ((status = readyz(server.port())) != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(200, status, "ready again once the database is back");
            }
        }
    }

    /**
     * While PostgreSQL is unreachable, {@code /api/login} says so: 503 with a JSON error and
     * {@code Retry-After}, not a bare 500; the same account signs in once the database is back.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void loginAnswers503WithRetryAfterWhileTheDatabaseIsDown() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            String db = pg.createDatabase();
            try (TestServer server = new TestServer(b -> b.database(pg.trustedUrl(db)))) {
                server.server().staff().accounts().create("ada", org.kindred.protocol.Role.MODERATOR,
                        "correct horse battery");
                assertEquals(200, Moderators.login(server.port(), "ada", "correct horse battery").statusCode());
                pg.stopServer();
                HttpResponse<String> r = Moderators.login(server.port(), "ada", "correct horse battery");
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("5", r.headers().firstValue("Retry-After").orElse(""), "Retry-After in seconds");
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.body());
                assertTrue(body.path("error").asText().contains("unavailable"), r.body());
                assertEquals(5000, body.path("retryAfterMs").asLong(), r.body());
                pg.startServer();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int status;
                while ((status = Moderators.login(server.port(), "ada", "correct horse battery").statusCode()) != 200
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(200, status, "signs in again once the database is back");
            }
        }
    }
}
