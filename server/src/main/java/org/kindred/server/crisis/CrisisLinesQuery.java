package org.kindred.server.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.kindred.protocol.CrisisResource;
import org.kindred.protocol.RiskLevel;

/**
 * The answers of {@code GET /api/crisis-lines?region=XX&lang=xx&level=…}: crisis lines for anyone,
 * with no session. Pure (no HTTP types): the transport turns an {@link Answer} into a response.
 *
 * <p>Parameters, all optional, each at most once: {@code region} (two letters, case-insensitive,
 * aliases such as UK allowed), {@code lang} (a BCP 47 tag of up to 35 characters such as
 * {@code fr} or {@code en-GB}), {@code level} ({@code concern}, {@code high} — the default — or
 * {@code imminent}). A well-formed region the directory does not know gives the international
 * directory only (never another country's lines); without a region the language's country or
 * default region is used, as for a session. A language without sentences gets the default
 * language's. A malformed parameter answers 400 with one plain sentence.
 *
 * <p>Answers are computed once per (region, language, level) and kept: the set of keys is bounded
 * by the directory's regions and the sentence languages, so an answer costs a map look-up and is
 * safe on the event loop. Immutable and thread-safe.
 */
public final class CrisisLinesQuery {
    /** How long browsers and caches may keep an answer, in seconds (one hour). */
    public static final int MAX_AGE_SECONDS = 3600;

    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,4}");
    private static final String NO_REGION = "international";

    private final CrisisResponder responder;
    private final ObjectMapper mapper;
    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    /**
     * @param responder the sentences and, through {@link CrisisResponder#directory()}, the lines
     * @param mapper writes the JSON body; it should leave out null fields (the protocol codec's mapper does)
     */
    public CrisisLinesQuery(CrisisResponder responder, ObjectMapper mapper) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * One answer: an HTTP status, a JSON or plain-text body, and for 200 a strong ETag.
     *
     * @param status 200, 304 or 400
     * @param json whether {@code body} is JSON (otherwise a plain sentence)
     * @param etag the quoted ETag of a 200 or 304, {@code null} for 400
     */
    public record Answer(int status, boolean json, byte[] body, String etag) {
    }

    /** The JSON shape of a 200: the {@code crisis} event without id or escalation. */
    public record Lines(String region, String lang, RiskLevel level, String text, List<CrisisResource> resources) {
    }

    /**
     * Answers one request.
     *
     * @param params the decoded query parameters (name → values), never {@code null}
     * @param ifNoneMatch the request's {@code If-None-Match} header, may be {@code null}
     */
    public Answer answer(Map<String, List<String>> params, String ifNoneMatch) {
        for (String name : List.of("region", "lang", "level")) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                return bad("Give region, lang and level at most once each.");
            }
        }
        String region = single(params, "region");
        String lang = single(params, "lang");
        String level = single(params, "level");
        if (region != null && !REGION.matcher(region).matches()) {
            return bad("The region must be two letters, such as GB.");
        }
        if (lang != null && (lang.length() > 35 || !LANG.matcher(lang).matches())) {
            return bad("The lang must be a language code, such as fr or en-GB.");
        }
        RiskLevel risk = level == null ? RiskLevel.HIGH : switch (level) {
            case "concern" -> RiskLevel.CONCERN;
            case "high" -> RiskLevel.HIGH;
            case "imminent" -> RiskLevel.IMMINENT;
            default -> null;
        };
        if (risk == null) {
            return bad("The level must be concern, high or imminent.");
        }
        CrisisDirectory directory = responder.directory();
        String locale = lang == null ? null : lang.replace('_', '-');
        String chosen;
        if (region != null) {
            chosen = directory.resolveRegion(region, null).orElse(NO_REGION);
        } else {
            chosen = directory.resolveRegion(null, locale).orElse(NO_REGION);
        }
        String language = Locale.forLanguageTag(locale == null ? "en" : locale).getLanguage();
        String textLanguage = responder.languages().contains(language) ? language : "en";
        if (!responder.languages().contains(textLanguage)) {
            textLanguage = responder.languages().iterator().next();
        }
        // The key is bounded: chosen ∈ regions ∪ {international}, language ∈ ISO 639 codes the
        // directory's lines speak or not (ordering only depends on it when a line speaks it).
        String orderLanguage = speaksAny(directory, chosen, language) ? language : textLanguage;
        String key = chosen + '|' + textLanguage + '|' + orderLanguage + '|' + risk;
        String finalText = textLanguage;
        Answer a = cache.computeIfAbsent(key, k -> build(chosen, finalText, orderLanguage, risk));
        if (ifNoneMatch != null && matches(ifNoneMatch, a.etag())) {
            return new Answer(304, true, new byte[0], a.etag());
        }
        return a;
    }

    private Answer build(String region, String textLanguage, String orderLanguage, RiskLevel risk) {
        String r = NO_REGION.equals(region) ? null : region;
        List<CrisisResource> resources = responder.directory().resourcesFor(r, r == null ? null : orderLanguage,
                risk == RiskLevel.IMMINENT);
        Lines lines = new Lines(region, textLanguage, risk, responder.sentence(risk, textLanguage), resources);
        try {
            byte[] body = mapper.writeValueAsBytes(lines);
            return new Answer(200, true, body, etag(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("crisis lines could not be written", e);
        }
    }

    private static boolean speaksAny(CrisisDirectory directory, String region, String language) {
        return !language.isEmpty() && directory.linesOf(region).stream().anyMatch(l -> l.speaks(language));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",", 16)) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0).trim();
        return v.isEmpty() ? null : v;
    }

    private static Answer bad(String sentence) {
        return new Answer(400, false, (sentence + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(d, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
