package org.kindred.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --key value} and {@code --flag} command-line options, with the generator's defaults. */
final class Options {
    static final Set<String> FLAGS = Set.of("idle", "syscalls");
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            if (FLAGS.contains(key)) {
                values.put(key, "true");
            } else if (i + 1 < args.length) {
                values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
    }

    String str(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    String required(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    int integer(String key, int dflt) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : dflt;
    }

    long longValue(String key, long dflt) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : dflt;
    }

    double dbl(String key, double dflt) {
        return values.containsKey(key) ? Double.parseDouble(values.get(key)) : dflt;
    }

    boolean flag(String key) {
        return values.containsKey(key);
    }

    static String usage() {
        return """
                usage: java -jar kindred-bench.jar --url ws://127.0.0.1:PORT/ws[,ws://127.0.0.1:PORT2/ws …] [options]
                  --url URL[,URL …]      the server, or several nodes: member i connects to node i mod N
                  --server NAME          label of the server under test (netty, node, kindred, kindred-mod)
                  --scenario NAME        label of the scenario (idle, fanout, latency, burst)
                  --mode kindred|raw     speak PROTOCOL.md (hello, join, send) or raw broadcast (path = room)
                  --rooms R --room-size M  members = R * M, member i is in room i / M
                  --deliveries-per-sec D offered deliveries per second (publishes = D / M)
                  --burst N              release messages in groups of N to one room, same average rate (1 = smooth)
                  --warmup S --measure S  seconds of warm-up, then the measured window
                  --sources K            spread connections over 127.0.0.1 .. 127.0.0.K
                  --server-pid PID       read CPU, RSS (and heap) of this process; or LABEL=PID,LABEL=PID …
                                         for several (nodes and Redis): CPU is their sum, heap and RSS the first's
                  --heap jcmd|URL        how to read heap after GC (idle)
                  --idle                 connect and join, then measure memory only
                  --syscalls             count server system calls in the window with perf
                  --out FILE             append the result as one JSON line
                """;
    }
}
