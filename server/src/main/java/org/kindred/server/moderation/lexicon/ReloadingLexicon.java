package org.kindred.server.moderation.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.kindred.server.text.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lexicon in use: the bundled files ({@code moderation/lexicons/<lang>.txt} on the class
 * path) for the configured languages, extended by an operator's files in
 * {@code <dataDir>/lexicons/*.txt}. An operator file named like a bundled one ({@code en.txt})
 * replaces it; other files add terms; {@code -term} lines remove terms.
 *
 * <p>Operator files are picked up without a restart: {@link #maybeReload()} (cheap, called on the
 * message path) checks modification times at most once per interval and recompiles in the
 * background; the new lexicon is swapped in atomically. A broken operator file is logged and the
 * previous lexicon stays in use. Thread-safe.
 */
public final class ReloadingLexicon {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingLexicon.class);
    private static final String BUNDLED = "moderation/lexicons/";

    private final List<String> languages;
    private final Path operatorDir;
    private final Normalizer normalizer;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextCheck;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile Lexicon current;
    private volatile Map<String, List<Long>> stamps;

    private ReloadingLexicon(List<String> languages, Path dataDirOrNull, Normalizer normalizer,
            long intervalMillis, LongSupplier nanoClock) {
        this.languages = List.copyOf(languages);
        this.operatorDir = dataDirOrNull == null ? null : dataDirOrNull.resolve("lexicons");
        this.normalizer = normalizer;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.nanoClock = nanoClock;
        this.nextCheck = new AtomicLong(nanoClock.getAsLong() + intervalNanos);
    }

    /**
     * Loads and compiles the lexicon now.
     *
     * @throws LexiconException if a bundled file is missing or invalid (operator files that are
     *                          invalid at start-up are also refused, so mistakes surface early)
     */
    public static ReloadingLexicon load(List<String> languages, Path dataDirOrNull, Normalizer normalizer,
            long intervalMillis, LongSupplier nanoClock) {
        ReloadingLexicon r = new ReloadingLexicon(languages, dataDirOrNull, normalizer, intervalMillis,
                Objects.requireNonNull(nanoClock));
        r.stamps = r.stamp();
        r.current = r.compile();
        LOG.info("lexicon loaded: {} terms, {} automaton states", r.current.size(), r.current.states());
        return r;
    }

    /** The lexicon to use now. */
    public Lexicon current() {
        return current;
    }

    /**
     * At most once per interval, checks operator files and, if they changed, recompiles in the
     * background. Never blocks on compilation and never throws.
     */
    public void maybeReload() {
        long now = nanoClock.getAsLong();
        long due = nextCheck.get();
        if (now - due < 0 || operatorDir == null || !nextCheck.compareAndSet(due, now + intervalNanos)) {
            return;
        }
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                reloadIfChanged();
            } finally {
                reloading.set(false);
            }
        });
    }

    /**
     * Checks operator files now and recompiles if they changed. Returns true if a new lexicon was
     * installed. A broken file is logged and leaves the current lexicon in place.
     */
    public synchronized boolean reloadIfChanged() {
        Map<String, List<Long>> now = stamp();
        if (now.equals(stamps)) {
            return false;
        }
        try {
            Lexicon next = compile();
            current = next;
            stamps = now;
            LOG.info("lexicon reloaded: {} terms from {} operator files", next.size(), now.size());
            return true;
        } catch (LexiconException e) {
            stamps = now; // do not retry the same broken files every interval
            LOG.warn("operator lexicon rejected, keeping the previous one: {}", e.getMessage());
            return false;
        }
    }

    private Lexicon compile() {
        Map<String, Reader> sources = new LinkedHashMap<>();
        List<LexiconEntry> entries = new ArrayList<>();
        try {
            Map<String, Path> operatorFiles = operatorFiles();
            for (String lang : languages) {
                String name = lang + ".txt";
                if (operatorFiles.containsKey(name)) {
                    continue; // replaced by the operator's file
                }
                InputStream in = ReloadingLexicon.class.getClassLoader().getResourceAsStream(BUNDLED + name);
                if (in == null) {
                    throw new LexiconException("no bundled lexicon " + BUNDLED + name + " (expected: one of the shipped languages)");
                }
                sources.put("bundled " + name, new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, Path> f : operatorFiles.entrySet()) {
                sources.put(f.getKey(), Files.newBufferedReader(f.getValue(), StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, Reader> s : sources.entrySet()) {
                try (Reader r = s.getValue()) {
                    entries.addAll(LexiconParser.parse(s.getKey(), r).entries());
                }
            }
        } catch (IOException e) {
            throw new ReadFailure(e);
        } finally {
            sources.values().forEach(ReloadingLexicon::closeQuietly);
        }
        return Lexicon.compile(entries, normalizer);
    }

    private Map<String, Path> operatorFiles() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (operatorDir == null || !Files.isDirectory(operatorDir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(operatorDir)) {
            list.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted()
                    .forEach(p -> files.put(p.getFileName().toString(), p));
        }
        return files;
    }

    private Map<String, List<Long>> stamp() {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> f : operatorFiles().entrySet()) {
                m.put(f.getKey(), List.of(Files.getLastModifiedTime(f.getValue()).toMillis(), Files.size(f.getValue())));
            }
        } catch (IOException e) {
            LOG.warn("cannot read operator lexicon directory: {}", e.toString());
        }
        return m;
    }

    private static void closeQuietly(Reader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // already read or failed; nothing to do
        }
    }

    /** An I/O failure while reading lexicon files. */
    static final class ReadFailure extends LexiconException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException e) {
            super("cannot read lexicon files: " + e);
        }
    }
}
