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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.kindred.protocol.Role;
import org.kindred.server.store.ModeratorAccount;
import org.kindred.server.store.Store;
import org.kindred.server.store.StoreConfig;
import org.kindred.server.store.StoreException;
import org.kindred.server.store.jdbc.SqliteStore;

/**
 * The admin sub-command of the server jar:
 *
 * <pre>
 * java -jar kindred-server.jar moderators add NAME [--role moderator|admin] [--data-dir DIR]
 * java -jar kindred-server.jar moderators list [--data-dir DIR]
 * java -jar kindred-server.jar moderators disable NAME [--data-dir DIR]
 * java -jar kindred-server.jar moderators enable NAME [--data-dir DIR]
 * </pre>
 *
 * {@code add} reads the password as one line from standard input (from the console without
 * echo when standard input is a terminal). Safe to run while the server runs on the same
 * data directory. Exit codes: {@value #OK} done, {@value #REFUSED} refused (name taken,
 * no such account, invalid name or password), {@value #USAGE} usage error, {@value #FAILED}
 * the store failed.
 */
public final class ModeratorsCommand {
    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;
    /** Where the data lives when no {@code --data-dir} is given. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    private static final int MAX_LINE = 4096;
    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: moderators add NAME [--role moderator|admin] [--data-dir DIR]",
            "       moderators list [--data-dir DIR]",
            "       moderators disable NAME [--data-dir DIR]",
            "       moderators enable NAME [--data-dir DIR]",
            "The password for 'add' is read as one line from standard input.");

    private ModeratorsCommand() {
    }

    private record Args(String verb, String name, Role role, Path dataDir) {
    }

    /**
     * Runs the command. {@code args} are the words after {@code moderators} (a leading
     * {@code "moderators"} is skipped, so the jar's whole argument list may be passed).
     *
     * @return the process exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try (Store store = SqliteStore.open(a.dataDir(), StoreConfig.defaults())) {
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

    private static int execute(Args a, AccountService accounts, InputStream in, PrintStream out,
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
                if (all.isEmpty()) {
                    out.println("No accounts.");
                }
                for (ModeratorAccount m : all) {
                    out.printf(Locale.ROOT, "%-32s %-9s %-8s %s%n", m.name(), role(m.role()),
                            m.disabled() ? "disabled" : "active", Instant.ofEpochMilli(m.createdAt()));
                }
            }
            default -> throw new IllegalStateException("unparsed verb");
        }
        return OK;
    }

    private static Args parse(String[] raw) {
        List<String> args = new ArrayList<>(Arrays.asList(raw));
        if (!args.isEmpty() && args.get(0).equals("moderators")) {
            args.remove(0);
        }
        Path dataDir = DEFAULT_DATA_DIR;
        Role role = Role.MODERATOR;
        boolean roleGiven = false;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--data-dir") || s.equals("--role")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(s + " needs a value.");
                }
                String v = args.get(++i);
                if (s.equals("--data-dir")) {
                    dataDir = Path.of(v);
                } else {
                    role = parseRole(v);
                    roleGiven = true;
                }
            } else if (s.startsWith("--data-dir=")) {
                dataDir = Path.of(s.substring("--data-dir=".length()));
            } else if (s.startsWith("--role=")) {
                role = parseRole(s.substring("--role=".length()));
                roleGiven = true;
            } else if (s.startsWith("--")) {
                throw new IllegalArgumentException("Unknown option " + s + ".");
            } else {
                words.add(s);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("Say what to do.");
        }
        String verb = words.get(0);
        int expected = verb.equals("list") ? 1 : 2;
        if (!List.of("add", "list", "disable", "enable").contains(verb)) {
            throw new IllegalArgumentException("Unknown command " + verb + ".");
        }
        if (words.size() != expected) {
            throw new IllegalArgumentException(verb.equals("list") ? "list takes no name."
                    : verb + " takes one account name.");
        }
        if (roleGiven && !verb.equals("add")) {
            throw new IllegalArgumentException("--role goes with add.");
        }
        return new Args(verb, expected == 2 ? words.get(1) : null, role, dataDir);
    }

    private static Role parseRole(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "moderator" -> Role.MODERATOR;
            case "admin" -> Role.ADMIN;
            default -> throw new IllegalArgumentException("The role is moderator or admin.");
        };
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
