package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A small, real WebSocket client over a plain socket (RFC 6455), able to send what a well-behaved
 * client never would: binary frames, invalid UTF-8, oversized frames, or nothing at all.
 */
public final class WsClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MS = 5000;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final int status;
    private volatile int closeCode = -1;
    private volatile boolean autoPong = true;
    private volatile int pings;
    private Thread reader;

    private WsClient(Socket socket, int status) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        this.status = status;
    }

    public static WsClient connect(int port) throws IOException {
        return connect(port, Map.of(), null, true);
    }

    /** Connects and upgrades; {@code from} binds a local loopback address (e.g. 127.0.0.2). */
    public static WsClient connect(int port, Map<String, String> headers, String from, boolean startReading)
            throws IOException {
        return connect(port, headers, from, startReading, 0);
    }

    /** As above; {@code receiveBuffer > 0} fixes a small socket receive buffer (no kernel autotuning). */
    public static WsClient connect(int port, Map<String, String> headers, String from, boolean startReading,
            int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        if (from != null) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        s.setSoTimeout(15_000); // a server that never answers the upgrade fails the test, not hangs it
        byte[] keyBytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(keyBytes);
        StringBuilder req = new StringBuilder()
                .append("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
                .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(keyBytes)).append("\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        s.getOutputStream().write(req.toString().getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream raw = s.getInputStream();
        String statusLine = readLine(raw);
        while (!readLine(raw).isEmpty()) {
            // skip headers
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        s.setSoTimeout(0);
        WsClient c = new WsClient(s, status);
        if (status == 101 && startReading) {
            c.startReading();
        }
        return c;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int ch;
        while ((ch = in.read()) != -1 && ch != '\n') {
            if (ch != '\r') {
                b.write(ch);
            }
        }
        if (ch == -1 && b.size() == 0) {
            throw new EOFException("connection closed during handshake");
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    public int status() {
        return status;
    }

    public void autoPong(boolean on) {
        autoPong = on;
    }

    public int pings() {
        return pings;
    }

    public synchronized void startReading() {
        if (reader != null) {
            return;
        }
        reader = new Thread(this::readLoop, "ws-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                switch (opcode) {
                    case 1 -> inbox.add(JSON.readTree(new String(payload, StandardCharsets.UTF_8)));
                    case 8 -> {
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        try {
                            frame(8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        } catch (IOException ignored) {
                            // peer already gone
                        }
                        return;
                    }
                    case 9 -> {
                        pings++;
                        if (autoPong) {
                            frame(10, payload);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            // socket closed
        } finally {
            closed.countDown();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Sends one JSON object (from a map or a raw string). */
    public void send(String json) throws IOException {
        frame(1, json.getBytes(StandardCharsets.UTF_8));
    }

    public void send(Map<String, ?> message) throws IOException {
        send(JSON.writeValueAsString(message));
    }

    /** Sends one masked frame with FIN set. */
    public synchronized void frame(int opcode, byte[] payload) throws IOException {
        frame(opcode, payload, true);
    }

    public synchronized void frame(int opcode, byte[] payload, boolean fin) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xFF);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /** The next message of this type (others are kept in {@link #seen()}). */
    public JsonNode await(String type) throws InterruptedException {
        return await(n -> type.equals(n.path("type").asText()), "a '" + type + "' message");
    }

    /**
     * The next message {@code p} accepts (others are kept in {@link #seen()}); fails after
     * {@value #TIMEOUT_MS} ms. A wait that took more than half of that is printed to the test's
     * output ({@code [slow wait]}, in {@code surefire-reports*}{@code /*-output.txt}), so that waits
     * coming close to their limit under load can be found before they fail.
     */
    public JsonNode await(Predicate<JsonNode> p, String what) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode n = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (n == null) {
                throw new AssertionError("timed out waiting for " + what + "; seen " + seen);
            }
            seen.add(n);
            if (p.test(n)) {
                slowWait(start, TIMEOUT_MS, what);
                return n;
            }
        }
    }

    /** Prints a wait begun at {@code start} (nanoTime) that took more than half of {@code limitMs}. */
    public static void slowWait(long start, long limitMs, String what) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (ms * 2 > limitMs) {
            System.out.println("[slow wait] " + ms + " of " + limitMs + " ms for " + what + " in " + caller());
        }
    }

    /** The test method that waited (the outermost frame of a {@code *Test} class), or "?". */
    static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().endsWith("Test"))
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "#" + f.getMethodName())
                .reduce((inner, outer) -> outer).orElse("?"));
    }

    /** A message of this type already received, or else the next one to arrive. */
    public JsonNode seenOrAwait(String type) throws InterruptedException {
        for (JsonNode n : seen) {
            if (type.equals(n.path("type").asText())) {
                return n;
            }
        }
        return await(type);
    }

    /** The next message, whatever it is, or null if none comes within {@code ms}. */
    public JsonNode poll(long ms) throws InterruptedException {
        JsonNode n = inbox.poll(ms, TimeUnit.MILLISECONDS);
        if (n != null) {
            seen.add(n);
        }
        return n;
    }

    public List<JsonNode> seen() {
        return seen;
    }

    /**
     * The text at {@code path} (e.g. {@code "member", "id"}) of the first message of {@code type}
     * received so far; fails the test when none was.
     */
    public String firstSeen(String type, String... path) {
        for (JsonNode n : seen()) {
            if (type.equals(n.path("type").asText())) {
                JsonNode v = n;
                for (String p : path) {
                    v = v.path(p);
                }
                return v.asText();
            }
        }
        throw new AssertionError("no " + type + " seen");
    }

    /** Sends a request and waits for the reply that echoes its id. */
    public JsonNode request(Map<String, ?> message) throws IOException, InterruptedException {
        Object id = message.get("id");
        if (id == null) {
            throw new IllegalArgumentException("request needs an id");
        }
        send(message);
        return await(n -> id.toString().equals(n.path("id").asText(null)), "the reply to " + id);
    }

    /** Waits for the server to close; returns the close code (1005 if none, -1 if the socket just dropped). */
    public int awaitClose() throws InterruptedException {
        long start = System.nanoTime();
        if (!closed.await(TIMEOUT_MS * 3L, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("server did not close the connection");
        }
        slowWait(start, TIMEOUT_MS * 3L, "the server to close");
        return closeCode;
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Drops the TCP connection without a close frame. */
    public void drop() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
