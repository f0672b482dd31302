package org.kindred.server.transport;

import java.util.concurrent.Executor;
import org.kindred.protocol.ServerMessage;

/**
 * Where messages for one client go: the transport's side of a connection as the rest of the
 * server sees it, without any Netty type. Every method is safe from any thread; messages sent
 * from one thread reach the client in the order they were sent.
 */
public interface Outbound {

    /** A number for log lines; says nothing about the person. */
    long id();

    /** False once the connection closed; sends are then dropped silently. */
    boolean isOpen();

    /** Encodes {@code message} and sends it to this client only. */
    void send(ServerMessage message);

    /**
     * Sends a frame encoded once for many recipients; the caller keeps its own reference to
     * {@code frame} and releases it after the fan-out.
     */
    void sendShared(SharedFrame frame);

    /**
     * Sends what {@code reply} completes with once it completes, or what {@code onFailure} makes
     * of its failure (the request's {@code internal} error). Any thread.
     */
    default void sendWhenDone(java.util.concurrent.CompletionStage<? extends ServerMessage> reply,
            java.util.function.Function<Throwable, ? extends ServerMessage> onFailure) {
        reply.whenComplete((msg, err) -> send(err == null ? msg : onFailure.apply(err)));
    }

    /** Sends a close frame with {@code code} and {@code reason}, then closes. */
    void close(int code, String reason);

    /**
     * The single thread that writes to this client (its event loop); work handed to it runs in
     * the order it was handed over, ahead of nothing already queued.
     */
    Executor writer();

    /** True when the calling thread is {@link #writer()}. */
    boolean onWriter();
}
