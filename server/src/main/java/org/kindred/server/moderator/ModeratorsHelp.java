package org.kindred.server.moderator;

/** The texts of the {@code moderators} admin command's {@code --help} ({@link ModeratorsCommand}). */
final class ModeratorsHelp {
    static final String JAR = "java -jar kindred-server.jar moderators";
    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: " + JAR + " add NAME [--role supporter|moderator|admin] [--data-dir DIR | --database URL]",
            "       " + JAR + " list [--data-dir DIR | --database URL]",
            "       " + JAR + " disable NAME [--data-dir DIR | --database URL]",
            "       " + JAR + " enable NAME [--data-dir DIR | --database URL]",
            "       " + JAR + " [COMMAND] --help",
            "DIR is the server's data directory (default ./data), holding kindred.db.",
            "URL is the PostgreSQL store of the server's --database (also KINDRED_DATABASE); the user and",
            "password come from KINDRED_DATABASE_USER and KINDRED_DATABASE_PASSWORD(_FILE), as for the server.",
            "Exit status: 0 done, 1 refused, 2 usage error or no database in DIR, 3 the store failed.");
    static final java.util.Map<String, String> HELP = java.util.Map.of(
            "add", String.join(System.lineSeparator(),
                    "usage: " + JAR + " add NAME [--role supporter|moderator|admin] [--data-dir DIR | --database URL]",
                    "Creates a staff account (role moderator unless --role says supporter or admin; a supporter",
                    "is a trained peer supporter: escalations and reports, claim, resolve and reaching a person",
                    "privately, nothing else). The password is read as one",
                    "line from standard input (typed without echo on a terminal), e.g.",
                    "  printf '%s\\n' 'a long passphrase' | " + JAR + " add sam --data-dir data",
                    "Creates DIR/kindred.db when there is none yet, so the first account can exist before the",
                    "server's first start (with --database URL, the tables are made in that database).",
                    "Exit status: 0 created, 1 refused (name taken, weak password), 2 usage."),
            "list", String.join(System.lineSeparator(),
                    "usage: " + JAR + " list [--data-dir DIR | --database URL]",
                    "Prints one line per account under a header: NAME, ROLE, STATUS (active or disabled) and",
                    "CREATED (UTC). Exit status: 0, or 2 when DIR holds no kindred.db."),
            "disable", String.join(System.lineSeparator(),
                    "usage: " + JAR + " disable NAME [--data-dir DIR | --database URL]",
                    "Disables an account and revokes its sign-ins; a running server closes its consoles within",
                    "about a quarter of a second. Exit status: 0, 1 no such account, 2 usage or no kindred.db."),
            "enable", String.join(System.lineSeparator(),
                    "usage: " + JAR + " enable NAME [--data-dir DIR | --database URL]",
                    "Enables a disabled account again (it signs in anew). Exit status: 0, 1 no such account,",
                    "2 usage or no kindred.db."));

    private ModeratorsHelp() {
    }
}
