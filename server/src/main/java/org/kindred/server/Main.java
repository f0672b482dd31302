package org.kindred.server;

import org.kindred.server.config.ConfigException;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.moderator.ModeratorsCommand;

/**
 * {@code java -jar kindred-server.jar [--port N] [--host ADDR] [--data-dir DIR] [--config FILE] [--database URL]}, or
 * {@code java -jar kindred-server.jar moderators add|list|disable|enable …} for accounts.
 * Exit status: 1 when the server could not start, 2 for a bad setting (one line on standard error).
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
        var forOperators = org.kindred.server.common.Throwables.find(t, org.kindred.server.store.StoreException.class);
        if (forOperators.isPresent()) { // written for operators, no stored values
            return forOperators.get().getMessage().replaceAll("\\s+", " ").strip();
        }
        Throwable root = org.kindred.server.common.Throwables.rootCause(t);
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        msg = msg.replaceAll("\\s+", " ").strip();
        if (root instanceof java.net.BindException || msg.contains("Address already in use")
                || msg.contains("bind(")) {
            return "cannot listen on " + host + ":" + port + ": " + msg
                    + " (expected: a free port; choose another with --port N or KINDRED_PORT)";
        }
        return root.getClass().getSimpleName() + ": " + msg;
    }

    /** What {@code --help} prints. */
    static final String USAGE = """
            Usage: java -jar kindred-server.jar [--port N] [--host ADDR] [--data-dir DIR] [--config FILE]
                                               [--database URL] [--secret-key-file FILE] [--redis URL]
                   java -jar kindred-server.jar moderators --help

            Starts the Kindred chat server (HTTP and WebSocket on one port).
              --port N          port to listen on (default 8080; 0 picks a free one)
              --host ADDR       interface to listen on (default 0.0.0.0)
              --data-dir DIR    where kindred.db and secret.key live (default ./data)
              --secret-key-file FILE  the network fingerprint secret (32 random bytes, or 64 hex
                                characters) instead of the data directory's secret.key; every node of
                                a cluster needs the same file (also KINDRED_SECRET_KEY_FILE)
              --config FILE     a YAML file of settings (also KINDRED_CONFIG)
              --database URL    keep the store in PostgreSQL (jdbc:postgresql://HOST:PORT/DB) instead of
                                SQLite in the data directory (also KINDRED_DATABASE); the user and
                                password come from KINDRED_DATABASE_USER and KINDRED_DATABASE_PASSWORD
                                or KINDRED_DATABASE_PASSWORD_FILE
              --redis URL       serve the rooms together with other nodes through Redis
                                (redis://HOST:PORT; also KINDRED_REDIS); a password may come from
                                KINDRED_REDIS_PASSWORD or KINDRED_REDIS_PASSWORD_FILE
              --help            this text
            Any setting can also be given as KINDRED_<KEY> (e.g. KINDRED_MAX_FRAME_BYTES=32768,
            KINDRED_SESSIONS_NEW_BURST=40). A bad setting stops the start with one line and exit status 2.
            """;

    private static final java.util.List<String> FLAGS = java.util.List.of("--port", "--host", "--data-dir",
            "--config", "--database", "--secret-key-file", "--redis", "--help");

    public static void main(String[] argv) throws Exception {
        int code = run(argv, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Everything {@link #main} does, with its streams and environment given: checks the
     * configuration, starts the server and waits until it stops (or runs the admin command).
     *
     * @return the exit status: 0 after a normal stop or for {@code --help}, 1 when the server
     *     could not start, 2 for a bad setting, flag or {@code KINDRED_} variable (nothing was
     *     started then), or the admin command's own status
     */
    static int run(String[] argv, java.util.Map<String, String> env, java.io.PrintStream out,
            java.io.PrintStream err) throws InterruptedException {
        if (argv.length > 0 && argv[0].equals("moderators")) {
            System.setProperty("KINDRED_LOG_TARGET", "System.err"); // keep standard output for the command
            return ModeratorsCommand.run(argv, env, System.in, out, err);
        }
        if (java.util.Arrays.asList(argv).contains("--help") || java.util.Arrays.asList(argv).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        ConfigLoader.Loaded loaded = null;
        java.time.Duration stall;
        try {
            ConfigLoader.Args args = ConfigLoader.Args.parse(argv);
            if (!args.rest().isEmpty()) {
                String first = args.rest().get(0);
                String guess = first.startsWith("-") ? org.kindred.server.config.ConfigErrors.closest(first, FLAGS)
                        : null;
                err.println("kindred: unknown argument " + org.kindred.server.config.ConfigErrors.show(first)
                        + (guess == null ? "" : ", did you mean " + guess + "?")
                        + " (expected: --port N, --host ADDR, --data-dir DIR, --config FILE,"
                        + " --database URL, --secret-key-file FILE, --redis URL or --help)");
                return 2;
            }
            loaded = ConfigLoader.load(args, env);
            ConfigCheck.check(loaded);
            if (loaded.config().database() != null) { // the credentials' variables, checked before anything starts
                org.kindred.server.store.jdbc.PostgresSettings.from(loaded.config().database(), env);
            }
            if (loaded.config().redis() != null) { // the password's variables, checked before anything starts
                org.kindred.server.config.RedisUrl.password(loaded.config().redis(), env);
            }
            stall = stallThreshold(env.get(STALL_ENV));
        } catch (ConfigException e) {
            err.println("kindred: " + (loaded == null ? e.getMessage() : loaded.explain(e)));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("kindred: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("kindred: could not read the configuration: " + describe(e, "", 0));
            return 2;
        }
        KindredServer server = new KindredServer(loaded.config(), loaded.tree())
                .bootstrapModerator(env.get("KINDRED_BOOTSTRAP_MODERATOR"))
                .redisPassword(loaded.config().redis() == null ? null
                        : org.kindred.server.config.RedisUrl.password(loaded.config().redis(), env))
                .stallThreshold(stall);
        try {
            server.start();
        } catch (Throwable t) {
            // start() has released its threads; exit even if something else still holds the JVM
            err.println("kindred: could not start: " + describe(t, loaded.config().host(), loaded.config().port()));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kindred-shutdown"));
        server.awaitClose();
        return 0;
    }
}
