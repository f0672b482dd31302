package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimpleEndpointTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "off-loop"));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void offLoopBodyRunsOnTheGivenExecutorNotOnTheCaller() throws Exception {
        AtomicReference<Thread> ran = new AtomicReference<>();
        HttpEndpoint e = SimpleEndpoint.getOffLoop(SimpleEndpoint.TEXT, executor, () -> {
            ran.set(Thread.currentThread());
            return "scraped\n";
        });
        FullHttpResponse r = e.handle(null, null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(HttpResponseStatus.OK, r.status());
        assertEquals("scraped\n", r.content().toString(StandardCharsets.UTF_8));
        assertNotSame(Thread.currentThread(), ran.get());
        assertEquals("off-loop", ran.get().getName());
        r.release();
    }

    @Test
    void offLoopNullBodyIsNotReady() throws Exception {
        FullHttpResponse r = SimpleEndpoint.getOffLoop(SimpleEndpoint.TEXT, executor, () -> null)
                .handle(null, null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(HttpResponseStatus.SERVICE_UNAVAILABLE, r.status());
        r.release();
    }

    @Test
    void onLoopBodyRunsOnTheCaller() throws Exception {
        AtomicReference<Thread> ran = new AtomicReference<>();
        FullHttpResponse r = SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> {
            ran.set(Thread.currentThread());
            return "ok\n";
        }).handle(null, null).toCompletableFuture().get();
        assertSame(Thread.currentThread(), ran.get());
        r.release();
    }
}
