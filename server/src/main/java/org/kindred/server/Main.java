package org.kindred.server;

import org.kindred.server.config.ConfigException;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.moderator.ModeratorsCommand;

/**
 * {@code java -jar kindred-server.jar [--port N] [--data-dir DIR] [--config FILE]}, or
 * {@code java -jar kindred-server.jar moderators add|list|disable|enable …} for accounts.
 */
public final class Main {
    private Main() {
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
        KindredServer server = new KindredServer(loaded.config(), loaded.tree());
        server.start();
        server.bootstrapModerator(System.getenv("KINDRED_BOOTSTRAP_MODERATOR"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kindred-shutdown"));
        server.awaitClose();
    }
}
