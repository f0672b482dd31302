package org.kindred.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link KindredConfig} from, in increasing precedence: the bundled
 * {@code kindred-defaults.yaml}, the operator's YAML file ({@code --config} or
 * {@code KINDRED_CONFIG}), {@code KINDRED_*} environment variables and command-line flags.
 * Every source is checked: unknown keys and bad values are errors that name the key.
 */
public final class ConfigLoader {
    static final String DEFAULTS = "/kindred-defaults.yaml";
    private static final Set<String> ROOM_KEYS = Set.of("id", "title", "topic", "guidelines", "capacity");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {
    }

    /**
     * {@code KINDRED_} variables that are not configuration keys but are read elsewhere: the
     * file, the first moderator, the stall threshold, logging, the browser tests' tools, and the
     * database credentials (read only when the store is opened, never kept in the configuration).
     */
    public static final Set<String> OTHER_ENV = Set.of("KINDRED_CONFIG", "KINDRED_BOOTSTRAP_MODERATOR",
            "KINDRED_STALL_THRESHOLD_MS", "KINDRED_LOG_LEVEL", "KINDRED_LOG_TARGET", "KINDRED_CHROMIUM",
            "KINDRED_CHROMEDRIVER", DatabaseUrl.USER_ENV,
            DatabaseUrl.PASSWORD_ENV,
            DatabaseUrl.PASSWORD_FILE_ENV, RedisUrl.PASSWORD_ENV, RedisUrl.PASSWORD_FILE_ENV);

    /**
     * Result of loading: the config, the raw merged tree (other sections read their part of
     * it) and which key was set by which variable or flag.
     */
    public record Loaded(KindredConfig config, ObjectNode tree, Map<String, String> sources) {
        public Loaded(KindredConfig config, ObjectNode tree) {
            this(config, tree, Map.of());
        }

        /** The named section of the merged configuration, or an empty object. */
        public JsonNode section(String name) {
            JsonNode n = tree.get(name);
            return n == null ? JsonNodeFactory.instance.objectNode() : n;
        }

        /**
         * The message of {@code e}, plus {@code (set by KINDRED_X)} or {@code (set by --flag)}
         * when the key it names came from a variable or a flag rather than the file.
         */
        public String explain(ConfigException e) {
            return ConfigLoader.explain(e.getMessage(), sources);
        }
    }

    /**
     * Loads and checks the core settings.
     *
     * @param args the parsed flags
     * @param env  the environment (every {@code KINDRED_} name must be a known one)
     * @throws ConfigException one line naming the key, the value and what was expected
     */
    public static Loaded load(Args args, Map<String, String> env) {
        ObjectNode tree = readDefaults();
        Map<String, String> sources = new LinkedHashMap<>();
        String file = args.config() != null ? args.config() : env.get("KINDRED_CONFIG");
        if (file != null) {
            ObjectNode own = readFile(Path.of(file));
            checkTopLevel(own, "");
            merge(tree, own);
        }
        EnvSettings.apply(tree, env, sources);
        if (args.port() != null) {
            tree.put("port", args.port());
            sources.put("port", "--port");
        }
        if (args.dataDir() != null) {
            tree.put("dataDir", args.dataDir());
            sources.put("dataDir", "--data-dir");
        }
        if (args.host() != null) {
            tree.put("host", args.host());
            sources.put("host", "--host");
        }
        if (args.secretKeyFile() != null) {
            tree.put("secretKeyFile", args.secretKeyFile());
            sources.put("secretKeyFile", "--secret-key-file");
        }
        if (args.database() != null) {
            tree.put("database", args.database());
            sources.put("database", "--database");
        }
        if (args.redis() != null) {
            tree.put("redis", args.redis());
            sources.put("redis", "--redis");
        }
        try {
            return new Loaded(toConfig(tree), tree, Map.copyOf(sources));
        } catch (ConfigException e) {
            throw new ConfigException(explain(e.getMessage(), sources), e);
        }
    }

    static String explain(String message, Map<String, String> sources) {
        String best = null;
        for (String key : sources.keySet()) {
            if ((message.startsWith(key + ":") || message.startsWith(key + ".") || message.startsWith(key + "["))
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? message : message + " (set by " + sources.get(best) + ")";
    }

    /** Every top-level key must be a core key, {@code rooms} or a section. */
    private static void checkTopLevel(ObjectNode n, String where) {
        Set<String> known = new TreeSet<>(ConfigFile.SCALARS);
        known.addAll(ConfigFile.LISTS);
        known.addAll(ConfigFile.SECTIONS);
        known.add("rooms");
        for (String k : ConfigErrors.keys(n)) {
            if (!known.contains(k)) {
                throw ConfigErrors.unknownKey(where + k, k, known);
            }
        }
    }

    /** Only the defaults; for tests and tools. */
    public static KindredConfig defaults() {
        return toConfig(readDefaults());
    }

    static KindredConfig toConfig(ObjectNode tree) {
        ObjectNode core = tree.deepCopy();
        for (String section : ConfigFile.SECTIONS) {
            core.remove(section);
        }
        JsonNode rooms = core.get("rooms");
        if (rooms != null && rooms.isArray()) {
            for (int i = 0; i < rooms.size(); i++) {
                if (rooms.get(i).isObject()) {
                    for (String k : ConfigErrors.keys(rooms.get(i))) {
                        if (!ROOM_KEYS.contains(k)) {
                            throw ConfigErrors.unknownKey("rooms[" + i + "]." + k, k, ROOM_KEYS);
                        }
                    }
                }
            }
        }
        ConfigFile f;
        try {
            f = YAML.treeToValue(core, ConfigFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw ConfigErrors.binding("", core, e);
        }
        return f.toBuilder().build();
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULTS + " on the classpath");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled defaults", e);
        }
    }

    private static ObjectNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file: " + file + " (expected: a readable YAML file)");
        }
        JsonNode n;
        try {
            n = YAML.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ConfigErrors.brokenYaml("config file " + file, e);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + ": " + ConfigErrors.show(e.getMessage())
                    + " (expected: a readable YAML file)", e);
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!n.isObject()) {
            throw new ConfigException("config file " + file + ": " + ConfigErrors.show(n)
                    + " (expected: a YAML mapping of key: value at the top level)");
        }
        return (ObjectNode) n;
    }

    /** Objects merge key by key; everything else (scalars, lists such as rooms) is replaced. */
    static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }


    /** Command-line flags of the server. */
    public record Args(Integer port, String dataDir, String config, String host, String database,
                       String secretKeyFile, String redis, List<String> rest) {
        public static Args parse(String[] argv) {
            Integer port = null;
            String dataDir = null;
            String config = null;
            String host = null;
            String database = null;
            String secretKeyFile = null;
            String redis = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                String value = null;
                String name = a;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (name) {
                    case "--port", "--data-dir", "--config", "--host", "--database", "--secret-key-file",
                            "--redis" -> {
                        if (value == null) {
                            if (i + 1 >= argv.length) {
                                throw new ConfigException(name + ": missing value (expected: " + name + " VALUE)");
                            }
                            value = argv[++i];
                        }
                        switch (name) {
                            case "--port" -> port = parsePort(value);
                            case "--data-dir" -> dataDir = value;
                            case "--config" -> config = value;
                            case "--database" -> database = value;
                            case "--secret-key-file" -> secretKeyFile = value;
                            case "--redis" -> redis = value;
                            default -> host = value;
                        }
                    }
                    default -> rest.add(a);
                }
            }
            return new Args(port, dataDir, config, host, database, secretKeyFile, redis, List.copyOf(rest));
        }

        private static int parsePort(String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException("--port: " + v + " (expected: a number 0..65535)");
            }
        }
    }
}
