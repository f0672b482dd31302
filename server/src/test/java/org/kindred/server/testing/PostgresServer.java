package org.kindred.server.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started from the installed programs ({@code initdb},
 * {@code pg_ctl}; Debian's {@code postgresql} package) on a free loopback port with its own data
 * directory under the temporary directory, and stopped when the test JVM ends.
 *
 * <p>{@link #shared()} is the one server of the test JVM; a test that stops and restarts its
 * server (an outage) starts its own with {@link #start()}. Where the programs are missing,
 * {@link #shared()} skips the calling test with the reason, or fails it when {@code CI=true}.
 *
 * <p>PostgreSQL refuses to run as root: as root the programs run as the {@code postgres} user
 * (through {@code runuser}), which owns the data directory. Clients sign in over TCP as
 * {@link #USER} with a password ({@code scram-sha-256}), as a deployed node would.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "kindred";
    public static final String PASSWORD = "test-only-password";
    /** Signs in without a password, from loopback; see {@link #trustedUrl}. */
    public static final String TRUSTED_USER = "kindred_trusted";
    private static final String OS_USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;
    private static String sharedFailure;

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /**
     * The directory of {@code initdb} and {@code pg_ctl}, or null when PostgreSQL is not installed:
     * {@code TEST_PG_BINDIR} when set, else the newest {@code /usr/lib/postgresql/N/bin}, else {@code PATH}.
     */
    public static Path binaries() {
        String own = System.getenv("TEST_PG_BINDIR"); // when set, the only place looked at
        if (own != null && !own.isBlank()) {
            Path p = Path.of(own);
            return Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")) ? p : null;
        }
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> s = Files.list(debian)) {
                s.map(p -> p.resolve("bin")).sorted(Comparator.comparing(PostgresServer::major).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // fall through to PATH
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d));
            }
        }
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))) {
                return c;
            }
        }
        return null;
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The test JVM's server, started on first use and stopped when the JVM ends. Skips the caller
     * (fails it with {@code CI=true}) when PostgreSQL is not installed.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null && sharedFailure == null) {
            Path bin = binaries();
            if (bin == null) {
                ExternalServices.missing("PostgreSQL tests need initdb and pg_ctl (apt-get install -y postgresql)");
            }
            try {
                shared = start(bin);
                TempPaths.livesWithTheJvm(shared.dir); // removed by the exit hook, not by a test class
                Runtime.getRuntime().addShutdownHook(new Thread(shared::closeAtExit, "kindred-test-postgres-stop"));
            } catch (RuntimeException e) {
                sharedFailure = e.getMessage();
                throw e;
            }
        }
        if (shared == null) {
            throw new IllegalStateException("PostgreSQL did not start: " + sharedFailure);
        }
        return shared;
    }

    /** A server of the caller's own (stop it with {@link #close()}); skips like {@link #shared()}. */
    public static PostgresServer start() {
        Path bin = binaries();
        if (bin == null) {
            ExternalServices.missing("PostgreSQL tests need initdb and pg_ctl (apt-get install -y postgresql)");
        }
        return start(bin);
    }

    private static PostgresServer start(Path bin) {
        ExternalServices.reapStale("kindred-pg-", stale -> ExternalServices.run(ExternalServices.as(OS_USER,
                List.of(bin.resolve("pg_ctl").toString(), "-D", stale.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop")), 60));
        Path dir;
        try {
            dir = TempPaths.directory("kindred-pg-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL directory", e);
        }
        PostgresServer s = new PostgresServer(bin, dir, ExternalServices.freePort());
        try {
            s.initialize();
        } catch (RuntimeException | Error e) {
            s.close(); // a server that did not start: stopped if it ran, its directory removed
            throw e;
        }
        return s;
    }

    /** Prepares the directory, creates the cluster (initdb), starts the server and adds the trusted role. */
    private void initialize() {
        try {
            ExternalServices.own(dir);
            Path pw = dir.resolve("pwfile");
            Files.writeString(pw, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (ExternalServices.isRoot()) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName(OS_USER));
                Files.setOwner(pw, users.lookupPrincipalByName(OS_USER));
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL directory", e);
        }
        ExternalServices.run(ExternalServices.as(OS_USER, List.of(bin.resolve("initdb").toString(),
                "-D", data().toString(), "-U", USER, "--pwfile=" + dir.resolve("pwfile"), "-E", "UTF8",
                "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")), 120);
        try { // a role that signs in without a password, for servers started in the test JVM (no env of their own)
            Path hba = data().resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + TRUSTED_USER + " 127.0.0.1/32 trust\n" + Files.readString(hba));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pg_hba.conf", e);
        }
        startServer();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + TRUSTED_USER + " LOGIN SUPERUSER");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the role " + TRUSTED_USER, e);
        }
    }

    /**
     * The URL of {@code database} signing in as a role that needs no password (loopback only): for a
     * Kindred server started inside the test JVM, which reads credentials from the real environment.
     */
    public String trustedUrl(String database) {
        return url(database) + "?user=" + TRUSTED_USER;
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** Starts the (stopped) server again on the same port and data. */
    public void startServer() {
        ExternalServices.run(ExternalServices.as(OS_USER, List.of(bin.resolve("pg_ctl").toString(),
                "-D", data().toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c full_page_writes=off -c max_connections=200",
                "start")), 90);
    }

    /** Stops the server at once, like a crash (connections are cut, nothing is waited for). */
    public void stopServer() {
        ExternalServices.run(ExternalServices.as(OS_USER, List.of(bin.resolve("pg_ctl").toString(),
                "-D", data().toString(), "-m", "immediate", "-w", "stop")), 60);
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server (no credentials in it). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The credentials' environment variables a node would be given. */
    public Map<String, String> env() {
        return Map.of("KINDRED_DATABASE_USER", USER, "KINDRED_DATABASE_PASSWORD", PASSWORD);
    }

    /** Creates a new, empty database and returns its name. */
    public String createDatabase() {
        String name = "kindred_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /**
     * Drops {@code name}, a database {@link #createDatabase} made, cutting the connections still
     * open to it: its files leave the server's directory now rather than at the JVM's exit (a
     * spread run makes one database per {@code TestServer}).
     *
     * @param name the database's name, as {@link #createDatabase} returned it
     * @throws IllegalArgumentException when {@code name} is not such a name
     * @throws IllegalStateException when it cannot be dropped
     */
    public void dropDatabase(String name) {
        if (!name.matches("kindred_test_[0-9]+")) {
            throw new IllegalArgumentException("not a database of createDatabase: " + name);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** Stops the server and removes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (stop()) {
            ExternalServices.deleteTree(dir);
        }
    }

    /**
     * As {@link #close}, for the JVM's exit: the directory is removed by a process of its own that
     * outlives the JVM. The shared server may hold many tests' databases by then (some 140 in a full
     * run, 50,000 files, over a gigabyte, before each {@code TestServer} dropped its own on closing,
     * {@link #dropDatabase}): deleting them in the exit hook took more than the 30 s
     * surefire waits for a fork to exit, so it killed the fork half-way (an error line in the build,
     * and the rest of the directory left for the next run to reap).
     */
    synchronized void closeAtExit() {
        if (stop()) {
            ExternalServices.deleteTreeInBackground(dir);
        }
    }

    /** Stops the server; false when its directory is already gone (closed before). */
    private boolean stop() {
        if (!Files.exists(dir)) {
            return false;
        }
        try {
            ExternalServices.run(ExternalServices.as(OS_USER, List.of(bin.resolve("pg_ctl").toString(),
                    "-D", data().toString(), "-m", "fast", "-w", "stop")), 60);
        } catch (RuntimeException e) {
            // already stopped
        }
        return true;
    }
}
