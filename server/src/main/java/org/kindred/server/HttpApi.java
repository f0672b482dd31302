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
import org.kindred.server.api.StaffOnlineEndpoint;
import org.kindred.server.crisis.CrisisLinesQuery;
import org.kindred.server.crisis.CrisisResponder;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.moderator.Fingerprinter;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.store.Store;
import org.kindred.server.transport.HttpEndpoint;
import org.kindred.server.transport.OriginGuard;
import org.kindred.server.transport.SimpleEndpoint;

/** The server's HTTP routes besides {@code /ws} and the static files, by path. */
final class HttpApi {
    private HttpApi() {
    }

    /**
     * @param store asked by {@code /readyz} whether it is healthy
     * @param blocking where {@code /readyz} and {@code /api/login} do their store work
     * @param tokens signs staff in ({@code /api/login}), limited per network {@code fingerprinter}, and
     *     checks an admin's token ({@code /api/staff/online})
     * @param hub who is on duty on every node ({@code /api/staff/online})
     * @param crisis the crisis lines of {@code /api/crisis-lines}
     * @param ready true while the server accepts work ({@code /readyz} also asks the store)
     * @param reporting runs {@code /metrics} scrapes off the event loops
     */
    static Map<String, HttpEndpoint> endpoints(Store store, Executor blocking, TokenService tokens, ModeratorHub hub,
            Fingerprinter fingerprinter, CrisisResponder crisis, OriginGuard guard, ProtocolCodec codec,
            RoomRegistry rooms, Metrics metrics, Executor reporting, BooleanSupplier ready) {
        Map<String, HttpEndpoint> e = new LinkedHashMap<>();
        e.put("/healthz", SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> "ok\n"));
        e.put("/readyz", SimpleEndpoint.getOffLoop(SimpleEndpoint.TEXT, blocking,
                () -> ready.getAsBoolean() && store.isHealthy() ? "ready\n" : null));
        e.put("/api/login", new LoginEndpoint(tokens, fingerprinter, blocking,
                codec.mapper(), (origin, host) -> guard.check(origin, host, "login")));
        e.put("/api/staff/online", new StaffOnlineEndpoint(tokens::authenticate, hub::onDuty, blocking,
                codec.mapper(), (origin, host) -> guard.check(origin, host, "staff")));
        e.put("/api/rooms", SimpleEndpoint.get(SimpleEndpoint.JSON, () -> new String(
                codec.encode(new ServerMessage.Rooms(null, rooms.summaries())), StandardCharsets.UTF_8)));
        e.put("/api/crisis-lines", new CrisisLinesEndpoint(
                new CrisisLinesQuery(crisis, codec.mapper())));
        e.put("/metrics", SimpleEndpoint.getOffLoop(SimpleEndpoint.PROMETHEUS, reporting, metrics::scrape));
        return e;
    }
}
