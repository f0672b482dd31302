package org.kindred.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.api.CrisisLinesEndpoint;
import org.kindred.server.api.LoginEndpoint;
import org.kindred.server.crisis.CrisisLinesQuery;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.transport.HttpEndpoint;
import org.kindred.server.transport.OriginGuard;
import org.kindred.server.transport.SimpleEndpoint;

/** The server's HTTP routes besides {@code /ws} and the static files, by path. */
final class HttpApi {
    private HttpApi() {
    }

    /**
     * @param ready true while the server accepts work ({@code /readyz} also asks the store)
     * @param reporting runs {@code /metrics} scrapes off the event loops
     */
    static Map<String, HttpEndpoint> endpoints(Services services, OriginGuard guard, ProtocolCodec codec,
            RoomRegistry rooms, Metrics metrics, Executor reporting, BooleanSupplier ready) {
        Map<String, HttpEndpoint> e = new LinkedHashMap<>();
        e.put("/healthz", SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> "ok\n"));
        e.put("/readyz", SimpleEndpoint.getOffLoop(SimpleEndpoint.TEXT, services.blocking,
                () -> ready.getAsBoolean() && services.store.isHealthy() ? "ready\n" : null));
        e.put("/api/login", new LoginEndpoint(services.tokens, services.fingerprinter, services.blocking,
                codec.mapper(), (origin, host) -> guard.check(origin, host, "login")));
        e.put("/api/rooms", SimpleEndpoint.get(SimpleEndpoint.JSON, () -> new String(
                codec.encode(new ServerMessage.Rooms(null, rooms.summaries())), StandardCharsets.UTF_8)));
        e.put("/api/crisis-lines", new CrisisLinesEndpoint(
                new CrisisLinesQuery(services.crisis.responder(), codec.mapper())));
        e.put("/metrics", SimpleEndpoint.getOffLoop(SimpleEndpoint.PROMETHEUS, reporting, metrics::scrape));
        return e;
    }
}
