package org.kindred.server.moderator;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kindred.protocol.Role;
import org.kindred.server.store.ModeratorAccount;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreException;
import org.kindred.server.store.jdbc.SqliteStore;
import org.kindred.server.store.jdbc.Stores;

/**
 * The admin sub-command of the server jar:
 *
 * <pre>
 * java -jar kindred-server.jar moderators add NAME [--role supporter|moderator|admin] [--data-dir DIR | --database URL]
 * java -jar kindred-server.jar moderators list [--data-dir DIR | --database URL]
 * java -jar kindred-server.jar moderators disable NAME [--data-dir DIR | --database URL]
 * java -jar kindred-server.jar moderators enable NAME [--data-dir DIR | --database URL]
 * </pre>
 *
 * With {@code --database URL} (or {@code KINDRED_DATABASE}, as for the server) the accounts are
 * those of the PostgreSQL store that nodes of a cluster share, signed in to with the server's
 * credentials' variables ({@code KINDRED_DATABASE_USER} and {@code KINDRED_DATABASE_PASSWORD} or
 * {@code KINDRED_DATABASE_PASSWORD_FILE}); otherwise those of {@code kindred.db} in the data
 * directory.
 *
 * {@code add} reads the password as one line from standard input (from the console without
 * echo when standard input is a terminal). {@code add} creates {@code kindred.db} in the data
 * directory when there is none yet (saying so on standard error), so the first account can be
 * made before the server's first start; {@code list}, {@code disable} and {@code enable} refuse
 * a directory without one (a mistyped {@code --data-dir} must not look like an empty store).
 * Safe to run while the server runs on the same data directory. Results go to standard
 * output; messages and logs to standard error. {@code --help} after {@code moderators} or any
 * sub-command prints its usage. Exit codes: {@value #OK} done, {@value #REFUSED} refused (name
 * taken, no such account, invalid name or password), {@value #USAGE} usage error (including a
 * data directory without a database), {@value #FAILED} the store failed.
 */
public final class ModeratorsCommand {
    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;
    /** Where the data lives when no {@code --data-dir} is given. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    private static final int MAX_LINE = 4096;
    private static final String LIST_FORMAT = "%-32s %-9s %-8s %s%n";
    private ModeratorsCommand() {
    }

    /**
     * Runs the command. {@code args} are the words after {@code moderators} (a leading
     * {@code "moderators"} is skipped, so the jar's whole argument list may be passed).
     *
     * @return the process exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), in, out, err);
    }

    /**
     * As {@link #run(String[], InputStream, PrintStream, PrintStream)}, with the environment given
     * ({@code KINDRED_DATABASE} and the database credentials' variables are read from it).
     *
     * @return the process exit code
     */
    public static int run(String[] args, java.util.Map<String, String> env, InputStream in, PrintStream out,
            PrintStream err) {
        ModeratorsArgs a;
        try {
            a = ModeratorsArgs.parse(args, env.get("KINDRED_DATABASE"));
        } catch (ModeratorsArgs.HelpRequested h) {
            out.println(h.topic == null ? ModeratorsHelp.USAGE_TEXT : ModeratorsHelp.HELP.get(h.topic));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ModeratorsHelp.USAGE_TEXT);
            return USAGE;
        }
        if (a.database() != null) {
            Store store;
            try {
                store = Stores.open(a.database(), a.dataDir(), StoreConfig.defaults(), env);
            } catch (IllegalArgumentException e) { // the URL or the credentials' variables; never the password
                err.println(e.getMessage());
                return USAGE;
            } catch (StoreException e) {
                err.println("The store failed: " + e.getMessage());
                return FAILED;
            }
            return withStore(store, a, in, out, err);
        }
        boolean exists = java.nio.file.Files.isRegularFile(a.dataDir().resolve(SqliteStore.DB_FILE));
        if (!exists && !a.verb().equals("add")) {
            err.println("No Kindred database in " + a.dataDir().toAbsolutePath() + " (expected: the server's data"
                    + " directory, holding " + SqliteStore.DB_FILE + "; give it with --data-dir DIR).");
            return USAGE;
        }
        if (!exists) {
            err.println("No database in " + a.dataDir().toAbsolutePath() + " yet: creating "
                    + SqliteStore.DB_FILE + " there. Start the server with --data-dir " + a.dataDir() + ".");
        }
        Store store;
        try {
            store = SqliteStore.open(a.dataDir(), StoreConfig.defaults());
        } catch (StoreException e) {
            err.println("The store failed: " + e.getMessage());
            return FAILED;
        }
        return withStore(store, a, in, out, err);
    }

    private static int withStore(Store opened, ModeratorsArgs a, InputStream in, PrintStream out, PrintStream err) {
        try (Store store = opened) {
            Clock clock = Clock.systemUTC();
            AccountService accounts = new AccountService(store.accounts(), store.tokens(),
                    new PasswordHasher(), new AuditLog(store.audit(), clock), clock);
            return execute(a, accounts, in, out, err);
        } catch (AccountException e) {
            err.println(e.getMessage());
            return REFUSED;
        } catch (StoreException e) {
            err.println("The store failed: " + e.getMessage());
            return FAILED;
        }
    }

    private static int execute(ModeratorsArgs a, AccountService accounts, InputStream in, PrintStream out,
                               PrintStream err) {
        switch (a.verb()) {
            case "add" -> {
                String password = readPassword(in);
                if (password == null) {
                    err.println("No password on standard input.");
                    return REFUSED;
                }
                ModeratorAccount created = accounts.create(a.name(), a.role(), password);
                out.println("Created " + role(created.role()) + " " + created.name() + ".");
            }
            case "disable" -> {
                accounts.disable(a.name());
                out.println("Disabled " + AccountService.normalizeName(a.name())
                        + "; its logins were revoked.");
            }
            case "enable" -> {
                accounts.enable(a.name(), AuditLog.SYSTEM);
                out.println("Enabled " + AccountService.normalizeName(a.name()) + ".");
            }
            case "list" -> {
                List<ModeratorAccount> all = accounts.list();
                out.printf(Locale.ROOT, LIST_FORMAT, "NAME", "ROLE", "STATUS", "CREATED");
                if (all.isEmpty()) {
                    err.println("No accounts yet.");
                }
                for (ModeratorAccount m : all) {
                    out.printf(Locale.ROOT, LIST_FORMAT, m.name(), role(m.role()),
                            m.disabled() ? "disabled" : "active", Instant.ofEpochMilli(m.createdAt()));
                }
            }
            default -> throw new IllegalStateException("unparsed verb");
        }
        return OK;
    }

    private static String role(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    /** One line of standard input without its line end; null when there is none. */
    static String readPassword(InputStream in) {
        Console console = System.console();
        if (in == System.in && console != null) {
            char[] pw = console.readPassword("Password: ");
            return pw == null ? null : new String(pw);
        }
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            boolean any = false;
            while ((b = in.read()) != -1 && b != '\n') {
                any = true;
                if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
            if (!any && b == -1) {
                return null;
            }
            String s = line.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            return null;
        }
    }
}
