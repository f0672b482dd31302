package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kindred.server.KindredServer;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;

/** Starts a real server on a free loopback port, and hands out connected clients. */
public final class TestServer implements AutoCloseable {
    private final KindredServer server;
    private final List<WsClient> clients = new ArrayList<>();
    private final Path dataDir;
    private int ids;

    public TestServer() throws Exception {
        this(b -> b);
    }

    public TestServer(UnaryOperator<KindredConfig.Builder> tweak) throws Exception {
        this(tweak, "{}");
    }

    /** With other configuration sections as YAML/JSON, e.g. {@code {"crisis":{"riskMessages":"hold"}}}. */
    public TestServer(UnaryOperator<KindredConfig.Builder> tweak, String sections) throws Exception {
        this(tweak, sections, s -> { });
    }

    /** As above; {@code beforeStart} may set up the server (e.g. a hand-moved check-in timer) before it starts. */
    public TestServer(UnaryOperator<KindredConfig.Builder> tweak, String sections,
            java.util.function.Consumer<KindredServer> beforeStart) throws Exception {
        dataDir = Files.createTempDirectory("kindred-test");
        KindredConfig cfg = tweak.apply(ConfigLoader.defaults().toBuilder()
                .host("127.0.0.1").port(0).dataDir(dataDir)
                .ratePerSec(1000).burst(1000)).build();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) WsClient.JSON.readTree(sections);
        if (!tree.has("moderation")) {
            // every test client shares 127.0.0.1, i.e. one network fingerprint: don't let that bucket bite
            tree.putObject("moderation").put("networkBurst", 10_000).put("networkRatePerSecond", 10_000.0);
        }
        if (!tree.has("sessions")) {
            // likewise for new sessions per fingerprint (SessionLimits); tests of the limit set their own
            tree.putObject("sessions").put("newBurst", 100_000).put("newPerMinute", 1_000_000.0);
        }
        KindredServer s = new KindredServer(cfg, tree);
        beforeStart.accept(s);
        server = s.start();
    }

    public KindredServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A connected client that has not said hello. */
    public WsClient raw() throws IOException {
        WsClient c = WsClient.connect(port());
        clients.add(c);
        return c;
    }

    /** A client that said hello; returns the client (welcome is in its {@code seen()}). */
    public WsClient member() throws Exception {
        WsClient c = raw();
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "id", "h"));
        if (!"welcome".equals(w.path("type").asText())) {
            throw new AssertionError("expected welcome, got " + w);
        }
        return c;
    }

    /** A member that joined {@code room} with {@code nick}. */
    public WsClient joined(String room, String nick) throws Exception {
        WsClient c = member();
        JsonNode j = c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j" + (++ids)));
        if (!"joined".equals(j.path("type").asText())) {
            throw new AssertionError("expected joined, got " + j);
        }
        return c;
    }

    public void track(WsClient c) {
        clients.add(c);
    }

    @Override
    public void close() throws Exception {
        for (WsClient c : clients) {
            c.close();
        }
        server.stop();
    }

    static String welcomeSession(WsClient c) {
        for (JsonNode n : c.seen()) {
            if ("welcome".equals(n.path("type").asText())) {
                return n.path("session").asText();
            }
        }
        throw new AssertionError("no welcome seen");
    }

    static String welcomeMember(WsClient c) {
        for (JsonNode n : c.seen()) {
            if ("welcome".equals(n.path("type").asText())) {
                return n.path("member").path("id").asText();
            }
        }
        throw new AssertionError("no welcome seen");
    }
}
