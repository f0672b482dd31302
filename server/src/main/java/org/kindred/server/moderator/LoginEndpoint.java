package org.kindred.server.moderator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.kindred.server.transport.HttpEndpoint;
import org.kindred.server.transport.HttpResponses;

/**
 * {@code POST /api/login} {@code {"user","password"}} → {@code {"token","expiresAt"}} for a
 * moderator, 401 otherwise, 429 while login is throttled. Password hashing runs on the
 * blocking executor, never on the event loop. Nothing of the request is logged.
 */
public final class LoginEndpoint implements HttpEndpoint {
    private final TokenService tokens;
    private final Fingerprinter fingerprinter;
    private final Executor blocking;
    private final ObjectMapper json;

    public LoginEndpoint(TokenService tokens, Fingerprinter fingerprinter, Executor blocking, ObjectMapper json) {
        this.tokens = tokens;
        this.fingerprinter = fingerprinter;
        this.blocking = blocking;
        this.json = json;
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.POST);
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request) {
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
                ? fingerprinter.fingerprint(isa.getAddress()) : null;
        return CompletableFuture.supplyAsync(() -> respond(tokens.login(user, password, fingerprint)), blocking);
    }

    private FullHttpResponse respond(LoginResult result) {
        if (result instanceof LoginResult.Success s) {
            return reply(HttpResponseStatus.OK, Map.of("token", s.token(), "expiresAt", s.expiresAt(),
                    "role", s.principal().role().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (result instanceof LoginResult.Throttled t) {
            FullHttpResponse r = reply(HttpResponseStatus.TOO_MANY_REQUESTS,
                    Map.of("error", "Too many attempts. Please wait a few minutes and try again.",
                            "retryAfterMs", t.retryAfterMs()));
            r.headers().set(HttpHeaderNames.RETRY_AFTER, Math.max(1, t.retryAfterMs() / 1000));
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
