package org.kindred.server;

import org.kindred.server.config.ConfigException;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.moderator.ModeratorsCommand;

/**
 * {@code java -jar kindred-server.jar [--port N] [--data-dir DIR] [--config FILE]}, or
 * {@code java -jar kindred-server.jar moderators add|list|disable|enable …} for accounts.
 */
public final class Main {
    /** Environment variable: the event-loop stall threshold in milliseconds (default 50). */
    static final String STALL_ENV = "KINDRED_STALL_THRESHOLD_MS";

    private Main() {
    }

    /** The threshold from {@value #STALL_ENV}, or the default when unset. */
    static java.time.Duration stallThreshold(String value) {
        if (value == null || value.isBlank()) {
            return org.kindred.server.transport.StallWatchdog.DEFAULT_THRESHOLD;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms >= 1 && ms <= 60_000) {
                return java.time.Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(STALL_ENV + ": " + value + " (expected: milliseconds, 1 to 60000)");
    }

    /** One line saying why the server could not start. */
    static String describe(Throwable t, String host, int port) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        msg = msg.replaceAll("\\s+", " ").strip();
        if (root instanceof java.net.BindException || msg.contains("Address already in use")
                || msg.contains("bind(")) {
            return "cannot listen on " + host + ":" + port + ": " + msg
                    + " (expected: a free port; choose another with --port N or KINDRED_PORT)";
        }
        return root.getClass().getSimpleName() + ": " + msg;
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("moderators")) {
            System.setProperty("KINDRED_LOG_TARGET", "System.err"); // keep standard output for the command
            System.exit(ModeratorsCommand.run(argv, System.in, System.out, System.err));
            return;
        }
        ConfigLoader.Loaded loaded;
        try {
            ConfigLoader.Args args = ConfigLoader.Args.parse(argv);
            if (!args.rest().isEmpty()) {
                System.err.println("kindred: unknown arguments " + args.rest()
                        + " (expected: --port N, --data-dir DIR, --config FILE, --host ADDR)");
                System.exit(2);
                return;
            }
            loaded = ConfigLoader.load(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("kindred: " + e.getMessage());
            System.exit(2);
            return;
        }
        java.time.Duration stall;
        try {
            stall = stallThreshold(System.getenv(STALL_ENV));
        } catch (IllegalArgumentException e) {
            System.err.println("kindred: " + e.getMessage());
            System.exit(2);
            return;
        }
        KindredServer server = new KindredServer(loaded.config(), loaded.tree())
                .bootstrapModerator(System.getenv("KINDRED_BOOTSTRAP_MODERATOR"))
                .stallThreshold(stall);
        try {
            server.start();
        } catch (Throwable t) {
            // start() has released its threads; exit even if something else still holds the JVM
            System.err.println("kindred: could not start: " + describe(t, loaded.config().host(),
                    loaded.config().port()));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kindred-shutdown"));
        server.awaitClose();
    }
}
