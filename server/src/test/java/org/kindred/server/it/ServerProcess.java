package org.kindred.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server as a separate JVM process, as operators run it. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening port=(\\d+)");
    private final Process process;
    private final int port;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Path dataDir, Map<String, String> env) throws IOException {
        return start(dataDir, env, List.of());
    }

    /** As above, the JVM started with {@code jvmOptions} (e.g. {@code -Xmx256m}) before the class path. */
    static ServerProcess start(Path dataDir, Map<String, String> env, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.kindred.server.Main", "--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> seen = new ArrayList<>();
        String line;
        while (port < 0 && System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        // The bootstrap moderator is created before the port opens: a login right away finds it.
        if (port < 0) {
            p.destroyForcibly();
            throw new IOException("server did not start: " + seen);
        }
        ServerProcess sp = new ServerProcess(p, port);
        sp.output.addAll(seen);
        Thread drain = new Thread(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    sp.output.add(l);
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        return sp;
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL: no shutdown hook, no chance to flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
