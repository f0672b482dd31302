package org.kindred.bench.crisis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.kindred.server.KindredServer;
import org.kindred.server.config.ConfigLoader;

/**
 * How long someone at risk waits for help: the time from a member's {@code send} of a risk
 * message to its private {@code crisis} card, over real sockets against a real server (full
 * moderation and risk assessment, SQLite store for escalations). The baseline, measured in the
 * same run on the same connections, is the time from {@code send} to the {@code sent} reply of an
 * ordinary message: the card's extra cost is the ratio of the two.
 *
 * <pre>java -cp bench/target/kindred-bench.jar org.kindred.bench.crisis.CrisisLatency [messages] [members]</pre>
 */
public final class CrisisLatency {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RISK = List.of(
            "I want to kill myself", "i dont want to be alive anymore", "thinking about ending it all tonight",
            "I have the pills ready", "everyone would be better off without me", "i keep wanting to unalive myself",
            "quiero morirme", "ich will nicht mehr leben", "je veux mourir", "kms fr");
    private static final List<String> ORDINARY = List.of(
            "thanks for listening earlier", "how is everyone doing tonight", "I tried the breathing exercise",
            "this traffic is killing me", "my battery died again", "going for a walk now");

    private CrisisLatency() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        var data = Files.createTempDirectory("kindred-crisis-latency");
        try {
            measure(data, messages, members);
        } finally { // the run's store and secret: nothing of it is kept
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(java.nio.file.Path data, int messages, int members) throws Exception {
        var cfg = ConfigLoader.defaults().toBuilder().host("127.0.0.1").port(0).dataDir(data)
                .maxConnectionsPerAddress(members + 10).ratePerSec(1000).burst(1000).build();
        var sections = JSON.readTree("{\"moderation\":{\"networkBurst\":100000,\"networkRatePerSecond\":100000,"
                + "\"floodRepeats\":100},\"sessions\":{\"newBurst\":100000,\"newPerMinute\":1000000}}");
        KindredServer server = new KindredServer(cfg, sections).start();
        try {
            Result r = run(server.port(), messages, members);
            System.out.printf("send -> crisis card (risk messages, n=%d): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                    + " max %.2f ms%n", r.crisis.getTotalCount(), ms(r.crisis, 50), ms(r.crisis, 99),
                    ms(r.crisis, 99.9), r.crisis.getMaxValue() / 1e6);
            System.out.printf("send -> sent reply (ordinary messages, n=%d): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
                    r.sent.getTotalCount(), ms(r.sent, 50), ms(r.sent, 99), ms(r.sent, 99.9));
            System.out.printf("ratio crisis/sent: p50 %.2fx, p99 %.2fx; target p99 < 50 ms: %s%n",
                    ms(r.crisis, 50) / ms(r.sent, 50), ms(r.crisis, 99) / ms(r.sent, 99),
                    ms(r.crisis, 99) < 50 ? "met" : "NOT met");
        } finally {
            server.stop();
        }
    }

    record Result(Histogram crisis, Histogram sent) {
    }

    static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    static Result run(int port, int messages, int members) throws Exception {
        Histogram crisis = new Histogram(60_000_000_000L, 3);
        Histogram sent = new Histogram(60_000_000_000L, 3);
        HttpClient http = HttpClient.newHttpClient();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            Client c = new Client();
            c.ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c).join();
            c.request(Map.of("type", "hello", "v", 1, "id", "h", "region", "GB", "locale", "en-GB"), "welcome");
            c.request(Map.of("type", "join", "room", List.of("general", "anxiety", "depression", "grief",
                    "recovery").get(i % 5), "nick", "Bench " + i, "id", "j"), "joined");
            clients.add(c);
        }
        for (int i = 0; i < messages; i++) {
            Client c = clients.get(i % members);
            boolean risky = i % 2 == 0;
            String text = risky ? RISK.get(i % RISK.size()) : ORDINARY.get(i % ORDINARY.size());
            String room = c.room;
            long t0 = System.nanoTime();
            JsonNode reply = c.request(Map.of("type", "send", "room", room, "text", text + " (round " + (i / members) + ")", "id", "s" + i),
                    risky ? "crisis" : "sent");
            long dt = System.nanoTime() - t0;
            if (reply != null) {
                (risky ? crisis : sent).recordValue(dt);
            }
        }
        for (Client c : clients) {
            c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
        return new Result(crisis, sent);
    }

    /** One member: sends a request and waits for the first frame of the awaited type. */
    static final class Client implements WebSocket.Listener {
        WebSocket ws;
        String room;
        private final StringBuilder partial = new StringBuilder();
        private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        private final Map<String, JsonNode> got = new ConcurrentHashMap<>();

        JsonNode request(Map<String, Object> msg, String awaitType) throws Exception {
            CountDownLatch latch = new CountDownLatch(1);
            waiting.put(awaitType, latch);
            got.remove(awaitType);
            ws.sendText(JSON.writeValueAsString(msg), true).join();
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no '" + awaitType + "' within 10 s");
            }
            return got.remove(awaitType);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode n = JSON.readTree(partial.toString());
                    String type = n.path("type").asText();
                    if ("joined".equals(type)) {
                        room = n.path("room").asText();
                    }
                    if ("error".equals(type)) {
                        System.err.println("error reply: " + n.path("code").asText());
                    }
                    CountDownLatch l = waiting.remove(type);
                    if (l != null) {
                        got.put(type, n);
                        l.countDown();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
