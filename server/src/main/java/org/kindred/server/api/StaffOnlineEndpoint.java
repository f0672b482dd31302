package org.kindred.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kindred.protocol.Role;
import org.kindred.server.moderator.OnDuty;
import org.kindred.server.session.Principal;
import org.kindred.server.transport.HttpEndpoint;
import org.kindred.server.transport.HttpResponses;

/**
 * {@code GET /api/staff/online} with {@code Authorization: Bearer <token>} (the token the console
 * signs in with, from {@code /api/login}) → 200 {@code {"staff":[{"name","role","rooms","since"}]}}:
 * the staff on duty now on every node (see {@link OnDuty}), one entry per name, sorted by name;
 * {@code since} in epoch ms. Only for admins. Errors, as {@code {"error": sentence}}: 401 with
 * {@code WWW-Authenticate: Bearer} without a token or with one that is unknown, expired or revoked;
 * 403 for a supporter's or moderator's token, and for a browser page of a foreign {@code Origin}
 * (the same rule as {@code /api/login}). Answers carry {@code Cache-Control: no-store}. The token is
 * checked on the blocking executor (a store read), never on the event loop; nothing of the request
 * is logged.
 */
public final class StaffOnlineEndpoint implements HttpEndpoint {
    private static final String BEARER = "bearer ";

    private final Function<String, Optional<Principal>> authenticate;
    private final Supplier<List<OnDuty>> onDuty;
    private final Executor blocking;
    private final ObjectMapper json;
    private final BiPredicate<String, String> originAllowed;

    /**
     * @param authenticate  a token → its principal when valid (blocks on the store)
     * @param onDuty        the staff on duty now (every node)
     * @param blocking      where {@code authenticate} runs
     * @param originAllowed (origin, host header or null) → whether that browser origin may ask
     */
    public StaffOnlineEndpoint(Function<String, Optional<Principal>> authenticate, Supplier<List<OnDuty>> onDuty,
            Executor blocking, ObjectMapper json, BiPredicate<String, String> originAllowed) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
        this.onDuty = Objects.requireNonNull(onDuty, "onDuty");
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.json = Objects.requireNonNull(json, "json");
        this.originAllowed = Objects.requireNonNull(originAllowed, "originAllowed");
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.GET);
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !originAllowed.test(origin, request.headers().get(HttpHeaderNames.HOST))) {
            return CompletableFuture.completedFuture(error(HttpResponseStatus.FORBIDDEN,
                    "This list is not available to this site."));
        }
        String token = bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (token == null) {
            return CompletableFuture.completedFuture(unauthorized());
        }
        return CompletableFuture.supplyAsync(() -> respond(authenticate.apply(token)), blocking);
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String bearer(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    private FullHttpResponse respond(Optional<Principal> who) {
        if (who.isEmpty()) {
            return unauthorized();
        }
        if (who.get().role() != Role.ADMIN) {
            return error(HttpResponseStatus.FORBIDDEN, "Only admins can see who is on duty.");
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode staff = body.putArray("staff");
        for (OnDuty d : onDuty.get()) {
            ObjectNode o = staff.addObject();
            o.put("name", d.name());
            o.put("role", d.role().name().toLowerCase(Locale.ROOT));
            d.rooms().forEach(o.putArray("rooms")::add);
            o.put("since", d.since());
        }
        return reply(HttpResponseStatus.OK, body);
    }

    private FullHttpResponse unauthorized() {
        FullHttpResponse r = error(HttpResponseStatus.UNAUTHORIZED,
                "Sign in to the console first: send its token as Authorization: Bearer.");
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        return r;
    }

    private FullHttpResponse error(HttpResponseStatus status, String sentence) {
        return reply(status, Map.of("error", sentence));
    }

    private FullHttpResponse reply(HttpResponseStatus status, Object body) {
        try {
            FullHttpResponse r = HttpResponses.of(status, HttpResponses.JSON, json.writeValueAsBytes(body));
            r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
