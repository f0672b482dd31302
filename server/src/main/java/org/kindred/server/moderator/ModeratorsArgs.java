package org.kindred.server.moderator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.kindred.protocol.Role;

/**
 * The command line of {@link ModeratorsCommand}, read: the verb ({@code add}, {@code list},
 * {@code disable}, {@code enable}), the account name (null for {@code list}), the role for
 * {@code add} (moderator unless {@code --role} says otherwise), and the store: the PostgreSQL
 * {@code database} URL, or else the SQLite store in {@code dataDir}.
 */
record ModeratorsArgs(String verb, String name, Role role, Path dataDir, String database) {

    /** {@code --help} was asked for ({@code topic} null: the whole command). */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String topic;

        HelpRequested(String topic) {
            super(null, null, false, false);
            this.topic = topic;
        }
    }

    /**
     * Reads the words after {@code moderators} ({@code raw}; a leading {@code "moderators"} is
     * skipped); {@code databaseFromEnv} is {@code KINDRED_DATABASE} (null or blank: none), used
     * unless {@code --data-dir} or {@code --database} names a store.
     *
     * @throws HelpRequested when {@code --help}, {@code -h} or {@code help} was given
     * @throws IllegalArgumentException with the sentence to print, when the words are not a command
     */
    static ModeratorsArgs parse(String[] raw, String databaseFromEnv) {
        List<String> args = new ArrayList<>(Arrays.asList(raw));
        if (!args.isEmpty() && args.get(0).equals("moderators")) {
            args.remove(0);
        }
        Path dataDir = ModeratorsCommand.DEFAULT_DATA_DIR;
        boolean dataDirGiven = false;
        String database = null;
        Role role = Role.MODERATOR;
        boolean roleGiven = false;
        List<String> words = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--help") || s.equals("-h") || (s.equals("help") && words.isEmpty())) {
                help = true;
            } else if (s.equals("--data-dir") || s.equals("--role") || s.equals("--database")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(s + " needs a value.");
                }
                String v = args.get(++i);
                if (s.equals("--data-dir")) {
                    dataDir = Path.of(v);
                    dataDirGiven = true;
                } else if (s.equals("--database")) {
                    database = v;
                } else {
                    role = parseRole(v);
                    roleGiven = true;
                }
            } else if (s.startsWith("--data-dir=")) {
                dataDir = Path.of(s.substring("--data-dir=".length()));
                dataDirGiven = true;
            } else if (s.startsWith("--database=")) {
                database = s.substring("--database=".length());
            } else if (s.startsWith("--role=")) {
                role = parseRole(s.substring("--role=".length()));
                roleGiven = true;
            } else if (s.startsWith("--")) {
                throw new IllegalArgumentException("Unknown option " + s + ".");
            } else {
                words.add(s);
            }
        }
        if (help) {
            throw new HelpRequested(!words.isEmpty() && ModeratorsHelp.HELP.containsKey(words.get(0)) ? words.get(0) : null);
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
        if (database != null && dataDirGiven) {
            throw new IllegalArgumentException("--data-dir and --database name two different stores; give one.");
        }
        if (database == null && !dataDirGiven && databaseFromEnv != null && !databaseFromEnv.isBlank()) {
            database = databaseFromEnv; // as the server: KINDRED_DATABASE, unless --data-dir says otherwise
        }
        return new ModeratorsArgs(verb, expected == 2 ? words.get(1) : null, role, dataDir, database);
    }

    private static Role parseRole(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "moderator" -> Role.MODERATOR;
            case "admin" -> Role.ADMIN;
            case "supporter" -> Role.SUPPORTER;
            default -> throw new IllegalArgumentException("The role is supporter, moderator or admin.");
        };
    }
}
