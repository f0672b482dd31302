package org.kindred.server;

import org.kindred.server.config.ConfigException;
import org.kindred.server.config.ConfigLoader;

/** {@code java -jar kindred-server.jar [--port N] [--data-dir DIR] [--config FILE]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
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
        KindredServer server = new KindredServer(loaded.config());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kindred-shutdown"));
        server.awaitClose();
    }
}
