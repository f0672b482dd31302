package org.kindred.server.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A real local HTTP endpoint that answers scripted statuses (then 200) and keeps every body it got. */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();

    /** Answers {@code statuses} in order to the first requests, 200 afterwards. */
    public WebhookReceiver(Integer... statuses) throws IOException {
        script.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (this) {
                bodies.add(body);
                paths.add(ex.getRequestURI().getPath());
                Integer s = script.poll();
                status = s == null ? 200 : s;
                notifyAll();
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every body received so far. */
    public synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Every request path received so far, in order. */
    public synchronized List<String> paths() {
        return List.copyOf(paths);
    }

    /** The i-th body as JSON. */
    public JsonNode json(int i) throws IOException {
        return JSON.readTree(bodies().get(i));
    }

    /** Waits until at least {@code n} requests arrived; false on timeout. */
    public synchronized boolean await(int n, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (bodies.size() < n) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
