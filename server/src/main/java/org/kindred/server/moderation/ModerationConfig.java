package org.kindred.server.moderation;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Immutable configuration of the moderation pipeline, the {@code moderation:} section of the
 * server configuration. Every value is validated on construction; {@link #defaults()} and
 * {@link #builder()} start from sensible defaults, and YAML only needs the values it changes.
 *
 * @param stages                stage order; {@code shape} must come first
 * @param maxTextLength         longest message after trimming
 * @param memberBurst           token bucket per member: burst
 * @param memberRatePerSecond   token bucket per member: refill rate
 * @param networkBurst          token bucket per network fingerprint: burst
 * @param networkRatePerSecond  token bucket per network fingerprint: refill rate
 * @param floodRepeats          this many (nearly) identical messages ...
 * @param floodWindowSeconds    ... within this window are blocked as spam
 * @param trackedKeys           bound of each per-member / per-network state map
 * @param categories            category policies; a YAML map is merged over the defaults
 * @param rooms                 per-room overrides: room id to (category to action)
 * @param crisisNumbers         phone numbers (digits only) that are never masked
 * @param allowedLinkDomains    domains (and their subdomains) anyone may link to
 * @param newMemberLinkMinutes  links from members younger than this are held (0 = never)
 * @param autoMuteStrikes       this many severe blocks ...
 * @param autoMuteWindowSeconds ... within this window ask for an automatic mute ...
 * @param autoMuteSeconds       ... of this length (0 = never)
 * @param languages             bundled lexicons to load
 * @param lexiconReloadSeconds  how often operator lexicon files are checked for changes
 */
@JsonDeserialize(builder = ModerationConfig.Builder.class)
public record ModerationConfig(List<StageName> stages, int maxTextLength, int memberBurst,
        double memberRatePerSecond, int networkBurst, double networkRatePerSecond, int floodRepeats,
        long floodWindowSeconds, long trackedKeys, Map<String, CategoryPolicy> categories,
        Map<String, Map<String, Action>> rooms, List<String> crisisNumbers, List<String> allowedLinkDomains,
        long newMemberLinkMinutes, int autoMuteStrikes, long autoMuteWindowSeconds, long autoMuteSeconds,
        List<String> languages, long lexiconReloadSeconds) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{2,15}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9-]+\\.)+[a-z]{2,}");

    public ModerationConfig {
        stages = List.copyOf(require("stages", stages));
        if (stages.isEmpty() || stages.get(0) != StageName.SHAPE) {
            throw new IllegalArgumentException("stages " + stages + " (expected: a list starting with shape)");
        }
        if (EnumSet.copyOf(stages).size() != stages.size()) {
            throw new IllegalArgumentException("stages " + stages + " (expected: each stage at most once)");
        }
        range("maxTextLength", maxTextLength, 1, 100_000);
        range("memberBurst", memberBurst, 1, 10_000);
        positive("memberRatePerSecond", memberRatePerSecond);
        range("networkBurst", networkBurst, 1, 100_000);
        positive("networkRatePerSecond", networkRatePerSecond);
        range("floodRepeats", floodRepeats, 2, 100);
        range("floodWindowSeconds", floodWindowSeconds, 1, 86_400);
        range("trackedKeys", trackedKeys, 16, 100_000_000);
        categories = Map.copyOf(require("categories", categories));
        categories.forEach((k, v) -> name("categories key", k));
        Map<String, Map<String, Action>> roomCopy = new LinkedHashMap<>();
        require("rooms", rooms).forEach((room, overrides) -> {
            if (room == null || room.isBlank()) {
                throw new IllegalArgumentException("rooms key '" + room + "' (expected: a room id)");
            }
            overrides.forEach((k, v) -> name("rooms." + room + " key", k));
            roomCopy.put(room, Map.copyOf(overrides));
        });
        rooms = Map.copyOf(roomCopy);
        crisisNumbers = List.copyOf(require("crisisNumbers", crisisNumbers));
        crisisNumbers.forEach(n -> match("crisisNumbers entry", n, DIGITS, "2 to 15 digits, no spaces"));
        allowedLinkDomains = List.copyOf(require("allowedLinkDomains", allowedLinkDomains));
        allowedLinkDomains.forEach(d -> match("allowedLinkDomains entry", d, DOMAIN, "a lower-case domain like samaritans.org"));
        range("newMemberLinkMinutes", newMemberLinkMinutes, 0, 525_600);
        range("autoMuteStrikes", autoMuteStrikes, 1, 1000);
        range("autoMuteWindowSeconds", autoMuteWindowSeconds, 1, 604_800);
        range("autoMuteSeconds", autoMuteSeconds, 0, 604_800);
        languages = List.copyOf(require("languages", languages));
        languages.forEach(l -> match("languages entry", l, Pattern.compile("[a-z]{2,3}"), "an ISO 639 code like en"));
        range("lexiconReloadSeconds", lexiconReloadSeconds, 1, 86_400);
    }

    /**
     * This configuration with more crisis-line numbers (digits only) and link domains added, e.g.
     * those of the crisis-line directory, so a line the server itself offers is never hidden;
     * entries that are not of the accepted shape are skipped.
     */
    public ModerationConfig withCrisisLines(java.util.Collection<String> numbers, java.util.Collection<String> domains) {
        java.util.Set<String> n = new java.util.LinkedHashSet<>(crisisNumbers);
        numbers.stream().filter(x -> x != null && DIGITS.matcher(x).matches()).forEach(n::add);
        java.util.Set<String> d = new java.util.LinkedHashSet<>(allowedLinkDomains);
        domains.stream().filter(x -> x != null && DOMAIN.matcher(x).matches()).forEach(d::add);
        return new ModerationConfig(stages, maxTextLength, memberBurst, memberRatePerSecond, networkBurst,
                networkRatePerSecond, floodRepeats, floodWindowSeconds, trackedKeys, categories, rooms,
                List.copyOf(n), List.copyOf(d), newMemberLinkMinutes, autoMuteStrikes, autoMuteWindowSeconds,
                autoMuteSeconds, languages, lexiconReloadSeconds);
    }

    /** The defaults described in the class comment of each parameter. */
    public static ModerationConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The policy of a category, {@link CategoryPolicy#UNKNOWN} for one the configuration does not name. */
    public CategoryPolicy policy(String category) {
        return categories.getOrDefault(category, CategoryPolicy.UNKNOWN);
    }

    /** The action of a category in a room, after the room's overrides. */
    public Action action(String room, String category) {
        Map<String, Action> overrides = rooms.get(room);
        Action a = overrides == null ? null : overrides.get(category);
        return a != null ? a : policy(category).action();
    }

    /** The default category policies. */
    public static Map<String, CategoryPolicy> defaultCategories() {
        Map<String, CategoryPolicy> m = new LinkedHashMap<>();
        m.put(Categories.PROFANITY, new CategoryPolicy(Action.MASK, false, false));
        m.put(Categories.SLUR, new CategoryPolicy(Action.BLOCK, true, true));
        m.put(Categories.HATE, new CategoryPolicy(Action.BLOCK, true, true));
        m.put(Categories.HARASSMENT, new CategoryPolicy(Action.BLOCK, true, true));
        m.put(Categories.INSULT, new CategoryPolicy(Action.MASK, false, false, true));
        m.put(Categories.SELF_HARM_INCITEMENT, new CategoryPolicy(Action.BLOCK, true, true));
        m.put(Categories.SEXUAL, new CategoryPolicy(Action.BLOCK, false, true));
        m.put(Categories.THREAT, new CategoryPolicy(Action.BLOCK, true, true));
        m.put(Categories.CONTACT, new CategoryPolicy(Action.MASK, false, false));
        m.put(Categories.LINK, new CategoryPolicy(Action.HOLD, false, false));
        m.put(Categories.SPAM, new CategoryPolicy(Action.BLOCK, false, false));
        return m;
    }

    private static <T> T require(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " (expected: a value, got null)");
        }
        return value;
    }

    private static void range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    private static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " " + value + " (expected: a finite number > 0)");
        }
    }

    private static void name(String what, String value) {
        match(what, value, NAME, "a lower-case name like profanity");
    }

    private static void match(String what, String value, Pattern p, String expected) {
        if (value == null || !p.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' (expected: " + expected + ")");
        }
    }

    /** Builder starting from the defaults; also used by Jackson, so YAML may omit any key. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private List<StageName> stages = List.of(StageName.SHAPE, StageName.RATE, StageName.NORMALIZE,
                StageName.LEXICON, StageName.CONTACT, StageName.LINKS);
        private int maxTextLength = 2000;
        private int memberBurst = 5;
        private double memberRatePerSecond = 1.0;
        private int networkBurst = 20;
        private double networkRatePerSecond = 5.0;
        private int floodRepeats = 3;
        private long floodWindowSeconds = 30;
        private long trackedKeys = 100_000;
        private final Map<String, CategoryPolicy> categories = defaultCategories();
        private final Map<String, Map<String, Action>> rooms = new LinkedHashMap<>();
        private List<String> crisisNumbers = List.of("988", "911", "999", "112", "111", "113", "024", "3114",
                "116123", "116111", "741741", "85258", "131114", "0800543354", "08001110111", "08001110222",
                "08000113", "1800247247", "18002738255", "717003717", "0145394000");
        private List<String> allowedLinkDomains = List.of("988lifeline.org", "samaritans.org", "findahelpline.com",
                "crisistextline.org", "giveusashout.org", "mind.org.uk", "nhs.uk", "befrienders.org",
                "iasp.info", "telefonseelsorge.de", "sos-amitie.com", "telefonodelaesperanza.org",
                "lifeline.org.au", "113.nl", "suicidepreventionlifeline.org", "thetrevorproject.org");
        private long newMemberLinkMinutes = 10;
        private int autoMuteStrikes = 3;
        private long autoMuteWindowSeconds = 600;
        private long autoMuteSeconds = 600;
        private List<String> languages = List.of("en", "es", "de", "fr");
        private long lexiconReloadSeconds = 5;

        Builder() {
        }

        public Builder stages(List<StageName> v) { stages = v; return this; }
        public Builder maxTextLength(int v) { maxTextLength = v; return this; }
        public Builder memberBurst(int v) { memberBurst = v; return this; }
        public Builder memberRatePerSecond(double v) { memberRatePerSecond = v; return this; }
        public Builder networkBurst(int v) { networkBurst = v; return this; }
        public Builder networkRatePerSecond(double v) { networkRatePerSecond = v; return this; }
        public Builder floodRepeats(int v) { floodRepeats = v; return this; }
        public Builder floodWindowSeconds(long v) { floodWindowSeconds = v; return this; }
        public Builder trackedKeys(long v) { trackedKeys = v; return this; }
        public Builder crisisNumbers(List<String> v) { crisisNumbers = v; return this; }
        public Builder allowedLinkDomains(List<String> v) { allowedLinkDomains = v; return this; }
        public Builder newMemberLinkMinutes(long v) { newMemberLinkMinutes = v; return this; }
        public Builder autoMuteStrikes(int v) { autoMuteStrikes = v; return this; }
        public Builder autoMuteWindowSeconds(long v) { autoMuteWindowSeconds = v; return this; }
        public Builder autoMuteSeconds(long v) { autoMuteSeconds = v; return this; }
        public Builder languages(List<String> v) { languages = v; return this; }
        public Builder lexiconReloadSeconds(long v) { lexiconReloadSeconds = v; return this; }

        /** Merges the given policies over the current ones (YAML {@code categories:}). */
        public Builder categories(Map<String, CategoryPolicy> v) {
            if (v == null) {
                throw new IllegalArgumentException("categories (expected: a map, got null)");
            }
            categories.putAll(v);
            return this;
        }

        public Builder category(String name, CategoryPolicy policy) {
            categories.put(name, policy);
            return this;
        }

        /** Sets the per-room overrides (YAML {@code rooms:}), replacing earlier ones for those rooms. */
        public Builder rooms(Map<String, Map<String, Action>> v) {
            if (v == null) {
                throw new IllegalArgumentException("rooms (expected: a map, got null)");
            }
            v.forEach(this::room);
            return this;
        }

        public Builder room(String room, Map<String, Action> overrides) {
            if (overrides == null) {
                throw new IllegalArgumentException("rooms." + room + " (expected: a map of category to action)");
            }
            rooms.put(room, new LinkedHashMap<>(overrides));
            return this;
        }

        public ModerationConfig build() {
            return new ModerationConfig(new ArrayList<>(stages == null ? List.of() : stages), maxTextLength,
                    memberBurst, memberRatePerSecond, networkBurst, networkRatePerSecond, floodRepeats,
                    floodWindowSeconds, trackedKeys, categories, rooms, crisisNumbers, allowedLinkDomains,
                    newMemberLinkMinutes, autoMuteStrikes, autoMuteWindowSeconds, autoMuteSeconds, languages,
                    lexiconReloadSeconds);
        }
    }

    /** Category names the bundled lexicons use. */
    public static Set<String> lexiconCategories() {
        return Set.of(Categories.PROFANITY, Categories.SLUR, Categories.HATE, Categories.HARASSMENT,
                Categories.INSULT, Categories.SELF_HARM_INCITEMENT, Categories.SEXUAL, Categories.THREAT);
    }
}
