package org.kindred.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import org.kindred.server.transport.HttpEndpoint;
import org.kindred.server.transport.HttpResponses;
import org.kindred.server.moderator.Fingerprinter;
import org.kindred.server.moderator.LoginResult;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/login} {@code {"user","password"}} with {@code Content-Type:
 * application/json} → {@code {"token","expiresAt","role"}} for a moderator. Errors: 403 when
 * a browser page of a foreign {@code Origin} sends it (no {@code Origin}, as from non-browser
 * clients, is allowed), 415 for any other content type (so a cross-site form or
 * {@code text/plain} post is refused before it is read), 400 for a malformed body, 401 for a
 * wrong pair, 429 with {@code Retry-After} (seconds) and {@code retryAfterMs} while this
 * account is throttled for the caller's network or the network is, 503 with {@code Retry-After}
 * (seconds) and {@code retryAfterMs} while the store of accounts cannot be reached (e.g.
 * PostgreSQL is down). Password hashing runs on the blocking executor, never on the event loop.
 * Nothing of the request is logged.
 */
public final class LoginEndpoint implements HttpEndpoint {
    /** What a caller is told to wait while the store is unreachable, ms. */
    public static final long STORE_RETRY_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);
    private final TokenService tokens;
    private final Fingerprinter fingerprinter;
    private final Executor blocking;
    private final ObjectMapper json;
    private final BiPredicate<String, String> originAllowed;

    /**
     * @param originAllowed (origin, host header or null) → whether that browser origin may sign
     *                      in; the same rule as the WebSocket upgrade
     */
    public LoginEndpoint(TokenService tokens, Fingerprinter fingerprinter, Executor blocking, ObjectMapper json,
                         BiPredicate<String, String> originAllowed) {
        this.tokens = tokens;
        this.fingerprinter = fingerprinter;
        this.blocking = blocking;
        this.json = json;
        this.originAllowed = originAllowed;
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.POST);
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !originAllowed.test(origin, request.headers().get(HttpHeaderNames.HOST))) {
            return done(reply(HttpResponseStatus.FORBIDDEN,
                    Map.of("error", "Sign-in is not allowed from this site.")));
        }
        if (!isJson(request)) {
            return done(reply(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    Map.of("error", "Send the sign-in as Content-Type: application/json.")));
        }
        String user;
        String password;
        try {
            JsonNode body = json.readTree(request.content().toString(StandardCharsets.UTF_8));
            if (body == null || !body.path("user").isTextual() || !body.path("password").isTextual()) {
                return done(reply(HttpResponseStatus.BAD_REQUEST,
                        Map.of("error", "Send {\"user\": …, \"password\": …} as JSON.")));
            }
            user = body.path("user").textValue();
            password = body.path("password").textValue();
        } catch (IOException e) {
            return done(reply(HttpResponseStatus.BAD_REQUEST, Map.of("error", "The body is not valid JSON.")));
        }
        String fingerprint = ctx.channel().remoteAddress() instanceof InetSocketAddress isa
                && isa.getAddress() != null ? fingerprinter.fingerprint(isa.getAddress()) : null;
        return CompletableFuture.supplyAsync(() -> {
            try {
                return respond(tokens.login(user, password, fingerprint));
            } catch (StoreException e) {
                LOG.warn("sign-in refused, the store is unreachable");
                return unavailable();
            }
        }, blocking);
    }

    /** 503: the accounts cannot be checked now; nothing was decided about the caller. */
    private FullHttpResponse unavailable() {
        FullHttpResponse r = reply(HttpResponseStatus.SERVICE_UNAVAILABLE,
                Map.of("error", "Sign-in is unavailable for a moment. Please try again shortly.",
                        "retryAfterMs", STORE_RETRY_MS));
        r.headers().set(HttpHeaderNames.RETRY_AFTER, STORE_RETRY_MS / 1000);
        return r;
    }

    /** {@code application/json}, with or without parameters such as {@code charset}. */
    private static boolean isJson(FullHttpRequest request) {
        CharSequence mime = HttpUtil.getMimeType(request);
        return mime != null && "application/json".equals(mime.toString().strip().toLowerCase(Locale.ROOT));
    }

    private FullHttpResponse respond(LoginResult result) {
        if (result instanceof LoginResult.Success s) {
            return reply(HttpResponseStatus.OK, Map.of("token", s.token(), "expiresAt", s.expiresAt(),
                    "role", s.principal().role().name().toLowerCase(Locale.ROOT)));
        }
        if (result instanceof LoginResult.Throttled t) {
            FullHttpResponse r = reply(HttpResponseStatus.TOO_MANY_REQUESTS,
                    Map.of("error", "Too many attempts. Please wait a little and try again.",
                            "retryAfterMs", t.retryAfterMs()));
            r.headers().set(HttpHeaderNames.RETRY_AFTER, Math.max(1, (t.retryAfterMs() + 999) / 1000));
            return r;
        }
        return reply(HttpResponseStatus.UNAUTHORIZED, Map.of("error", "That name and password don't match."));
    }

    private FullHttpResponse reply(HttpResponseStatus status, Map<String, ?> body) {
        try {
            return HttpResponses.of(status, HttpResponses.JSON, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletionStage<FullHttpResponse> done(FullHttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
