package org.kindred.server.crisis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kindred.protocol.CrisisResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * National crisis lines by region, with an international directory that is always offered last.
 * Immutable and thread-safe once built.
 *
 * <p>Choice of region, first match wins: the session's {@code region}; the country of its
 * {@code locale} ({@code en-GB} → GB); the default region of the locale's language
 * ({@code languageDefaults}, e.g. de → DE); none. Region codes are case-insensitive and may be
 * aliases ({@code UK} → GB). Within a region, lines that speak the locale's language come first,
 * otherwise the file's order is kept.
 */
public final class CrisisDirectory {
    /** The {@link CrisisLine#region()} of the international directory entries. */
    public static final String INTERNATIONAL = "international";
    /** The bundled directory on the classpath. */
    public static final String BUNDLED_RESOURCE = "crisis/crisis-lines.yaml";
    /** The operator's file inside the data directory. */
    public static final String OVERRIDE_FILE = "crisis-lines.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(CrisisDirectory.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, List<CrisisLine>> regions;
    private final List<CrisisLine> international;
    private final Map<String, String> aliases;
    private final Map<String, String> languageDefaults;
    private final Map<String, List<CrisisLine>> emergency;

    private CrisisDirectory(Map<String, List<CrisisLine>> regions, List<CrisisLine> international,
            Map<String, String> aliases, Map<String, String> languageDefaults,
            Map<String, List<CrisisLine>> emergency) {
        this.regions = Collections.unmodifiableMap(new TreeMap<>(regions));
        this.emergency = Map.copyOf(emergency);
        for (String code : this.emergency.keySet()) {
            if (!this.regions.containsKey(code)) {
                throw new IllegalArgumentException("crisis-lines: emergency " + code
                        + " (expected: a region listed under regions)");
            }
        }
        this.international = List.copyOf(international);
        this.aliases = Map.copyOf(aliases);
        this.languageDefaults = Map.copyOf(languageDefaults);
        if (this.international.isEmpty()) {
            throw new IllegalArgumentException("crisis-lines: no international entry (expected: at least one)");
        }
        for (Map.Entry<String, String> e : this.languageDefaults.entrySet()) {
            if (!this.regions.containsKey(e.getValue())) {
                throw new IllegalArgumentException("crisis-lines: languageDefaults " + e.getKey() + " -> "
                        + e.getValue() + " (expected: a region listed under regions)");
            }
        }
        for (Map.Entry<String, String> e : this.aliases.entrySet()) {
            if (!this.regions.containsKey(e.getValue())) {
                throw new IllegalArgumentException("crisis-lines: regionAliases " + e.getKey() + " -> "
                        + e.getValue() + " (expected: a region listed under regions)");
            }
        }
    }

    /** The bundled directory only. */
    public static CrisisDirectory loadBundled() {
        return build(List.of(readBundled()));
    }

    /**
     * The bundled directory, overridden and extended by {@code <dataDir>/crisis-lines.yaml} when
     * that file exists.
     *
     * @throws IllegalArgumentException when either file is invalid, naming the entry and the expectation
     * @throws UncheckedIOException when the operator's file exists but cannot be read
     */
    public static CrisisDirectory load(Path dataDir) {
        Path override = dataDir.resolve(OVERRIDE_FILE);
        if (!Files.isRegularFile(override)) {
            return loadBundled();
        }
        try (InputStream in = Files.newInputStream(override)) {
            CrisisLinesFile operator = YAML.readValue(in, CrisisLinesFile.class);
            LOG.info("Crisis lines: operator file {} overrides regions {}", override, operator.regions().keySet());
            return build(List.of(readBundled(), operator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + override, e);
        }
    }

    /** Builds a directory from a YAML document of the {@code crisis-lines.yaml} shape (tests, tools). */
    public static CrisisDirectory parse(String yaml) {
        try {
            return build(List.of(YAML.readValue(yaml, CrisisLinesFile.class)));
        } catch (IOException e) {
            throw new IllegalArgumentException("crisis-lines: not valid YAML of the expected shape: " + e.getMessage(), e);
        }
    }

    private static CrisisLinesFile readBundled() {
        try (InputStream in = CrisisDirectory.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
            }
            return YAML.readValue(in, CrisisLinesFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /** Later files replace earlier ones region by region and key by key. */
    private static CrisisDirectory build(List<CrisisLinesFile> layers) {
        Map<String, List<CrisisLine>> regions = new LinkedHashMap<>();
        List<CrisisLine> international = List.of();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, String> languageDefaults = new LinkedHashMap<>();
        Map<String, List<CrisisLine>> emergency = new LinkedHashMap<>();
        for (CrisisLinesFile f : layers) {
            for (Map.Entry<String, List<CrisisLinesFile.Entry>> r : f.emergency().entrySet()) {
                String code = CrisisLineValidator.region(r.getKey(), "crisis-lines emergency");
                List<CrisisLine> numbers = new ArrayList<>();
                for (CrisisLinesFile.Entry e : r.getValue() == null ? List.<CrisisLinesFile.Entry>of() : r.getValue()) {
                    numbers.add(CrisisLineValidator.emergency(code, e, "crisis-lines emergency " + code));
                }
                if (numbers.isEmpty()) {
                    throw new IllegalArgumentException("crisis-lines emergency " + code
                            + ": no numbers (expected: at least one)");
                }
                emergency.put(code, List.copyOf(numbers));
            }
            for (Map.Entry<String, List<CrisisLinesFile.Entry>> r : f.regions().entrySet()) {
                String code = CrisisLineValidator.region(r.getKey(), "crisis-lines regions");
                List<CrisisLine> lines = validate(code, r.getValue(), "crisis-lines " + code);
                if (lines.isEmpty()) {
                    throw new IllegalArgumentException("crisis-lines " + code + ": no lines (expected: at least one)");
                }
                regions.put(code, lines);
            }
            if (!f.international().isEmpty()) {
                international = validate(INTERNATIONAL, f.international(), "crisis-lines international");
            }
            f.regionAliases().forEach((k, v) -> aliases.put(CrisisLineValidator.region(k, "crisis-lines regionAliases"),
                    CrisisLineValidator.region(v, "crisis-lines regionAliases")));
            f.languageDefaults().forEach((k, v) -> languageDefaults.put(
                    CrisisLineValidator.language(k, "crisis-lines languageDefaults"),
                    CrisisLineValidator.region(v, "crisis-lines languageDefaults")));
        }
        for (String code : regions.keySet()) {
            if (!emergency.containsKey(code)) {
                LOG.warn("Crisis lines: region {} has no emergency number; imminent cards there start with its "
                        + "crisis lines", code);
            }
        }
        return new CrisisDirectory(regions, international, aliases, languageDefaults, emergency);
    }

    private static List<CrisisLine> validate(String region, List<CrisisLinesFile.Entry> entries, String where) {
        List<CrisisLine> out = new ArrayList<>();
        if (entries != null) {
            for (CrisisLinesFile.Entry e : entries) {
                out.add(CrisisLineValidator.line(region, e, where));
            }
        }
        return out;
    }

    /**
     * The lines to offer, in order: the chosen region's lines (those speaking the locale's
     * language first), then the international directory. Never empty; either argument may be
     * {@code null} or malformed, which simply skips that step.
     */
    public List<CrisisResource> resourcesFor(String region, String locale) {
        return linesFor(region, locale).stream().map(CrisisLine::toResource).toList();
    }

    /**
     * As {@link #resourcesFor(String, String)}, but for an {@code imminent} risk the chosen
     * region's emergency numbers come first (none when no region is chosen or it has none).
     *
     * @param imminent whether the risk is imminent
     */
    public List<CrisisResource> resourcesFor(String region, String locale, boolean imminent) {
        List<CrisisLine> lines = linesFor(region, locale);
        if (!imminent) {
            return lines.stream().map(CrisisLine::toResource).toList();
        }
        List<CrisisResource> out = new ArrayList<>();
        resolveRegion(region, locale).ifPresent(code ->
                emergency.getOrDefault(code, List.of()).forEach(l -> out.add(l.toResource())));
        lines.forEach(l -> out.add(l.toResource()));
        return List.copyOf(out);
    }

    /** The emergency numbers of one region (no fallback), empty when unknown or none are listed. */
    public List<CrisisLine> emergencyOf(String region) {
        String code = known(region);
        return code == null ? List.of() : emergency.getOrDefault(code, List.of());
    }

    /** Whether {@code region} names a region with its own lines (case-insensitive, aliases allowed). */
    public boolean isKnown(String region) {
        return known(region) != null;
    }

    /** As {@link #resourcesFor} but with every field of the directory entries. */
    public List<CrisisLine> linesFor(String region, String locale) {
        Locale loc = parseLocale(locale);
        String language = loc == null || loc.getLanguage().isEmpty() ? null : loc.getLanguage();
        List<CrisisLine> out = new ArrayList<>();
        resolveRegion(region, locale).ifPresent(code -> {
            List<CrisisLine> lines = regions.get(code);
            lines.stream().filter(l -> l.speaks(language)).forEach(out::add);
            lines.stream().filter(l -> !l.speaks(language)).forEach(out::add);
        });
        out.addAll(international);
        return List.copyOf(out);
    }

    /** The region whose lines {@link #resourcesFor} offers, if any. */
    public Optional<String> resolveRegion(String region, String locale) {
        String byRegion = known(region);
        if (byRegion != null) {
            return Optional.of(byRegion);
        }
        Locale loc = parseLocale(locale);
        if (loc != null) {
            String byCountry = known(loc.getCountry());
            if (byCountry != null) {
                return Optional.of(byCountry);
            }
            String byLanguage = languageDefaults.get(loc.getLanguage());
            if (byLanguage != null) {
                return Optional.of(byLanguage);
            }
        }
        return Optional.empty();
    }

    /** Regions with their own lines, sorted. */
    public Set<String> regions() {
        return regions.keySet();
    }

    /** The lines of one region (no fallback), empty when unknown. */
    public List<CrisisLine> linesOf(String region) {
        String code = known(region);
        return code == null ? List.of() : regions.get(code);
    }

    /** The international directory entries. */
    public List<CrisisLine> international() {
        return international;
    }

    private String known(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        c = aliases.getOrDefault(c, c);
        return regions.containsKey(c) ? c : null;
    }

    private static Locale parseLocale(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 64) {
            return null;
        }
        Locale loc = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return loc.getLanguage().isEmpty() ? null : loc;
    }
}
