package org.kindred.server.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kindred.server.config.ConfigException;
import org.kindred.server.i18n.ServerText;

/**
 * The {@code paging:} section of the server configuration. Immutable; every instance is valid.
 *
 * <pre>
 * paging:
 *   afterSeconds: 60                  # page when an imminent escalation stays unclaimed this long (5..3600)
 *   consoleUrl: https://chat.example  # public base URL; pages link to its moderator console (optional)
 *   maxAttempts: 6                    # HTTP attempts per page and target (1..20)
 *   retryInitialMillis: 1000          # first retry delay; doubles each time, with jitter (10..60000)
 *   timeoutSeconds: 10                # connect and response timeout per attempt (1..60)
 *   language: en                      # the pages' sentences: en | es | de | fr (default en)
 *   webhooks:
 *     - url: https://hooks.example/kindred
 *       format: generic               # generic | pagerduty | slack
 *     - url: https://events.pagerduty.com/v2/enqueue
 *       format: pagerduty
 *       routingKey: R0UT1NGKEY        # required for pagerduty
 * </pre>
 *
 * Unknown keys are rejected so that a typo does not silently disable paging.
 *
 * @param after        how long an imminent escalation may stay unclaimed before it is paged
 * @param consoleUrl   the public base URL of the server, or null when pages carry no link
 * @param maxAttempts  HTTP attempts per page and target
 * @param retryInitial the delay before the first retry; later ones double (capped at 5 minutes)
 * @param timeout      connect and response timeout of one attempt
 * @param webhooks     the targets; empty means paging is off
 * @param language     the language of the pages' sentences (Slack text, PagerDuty summary and link
 *                     text): {@code en}, {@code es}, {@code de} or {@code fr}; the generic format's
 *                     fields are codes in every language
 */
public record PagingConfig(Duration after, URI consoleUrl, int maxAttempts, Duration retryInitial,
                           Duration timeout, List<Webhook> webhooks, String language) {
    private static final Set<String> KEYS = Set.of("afterSeconds", "consoleUrl", "maxAttempts",
            "retryInitialMillis", "timeoutSeconds", "webhooks", "language");
    private static final Set<String> WEBHOOK_KEYS = Set.of("url", "format", "routingKey");

    public PagingConfig {
        webhooks = List.copyOf(webhooks);
        if (!ServerText.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language " + language + " (expected: one of " + ServerText.LANGUAGES + ")");
        }
    }

    /** Paging off: no webhooks, default timings. */
    public static PagingConfig defaults() {
        return new PagingConfig(Duration.ofSeconds(60), null, 6, Duration.ofSeconds(1), Duration.ofSeconds(10),
                List.of(), "en");
    }

    /**
     * Reads the section (null or missing: {@link #defaults()}).
     *
     * @throws ConfigException naming the key, the bad value and what was expected
     */
    public static PagingConfig from(JsonNode s) {
        if (s == null || s.isMissingNode() || s.isNull()) {
            return defaults();
        }
        if (!s.isObject()) {
            throw new ConfigException("paging: " + kind(s) + " (expected: a mapping)");
        }
        unknownKeys(s, KEYS, "paging.");
        PagingConfig d = defaults();
        Duration after = Duration.ofSeconds(integer(s, "afterSeconds", (int) d.after().toSeconds(), 5, 3600));
        URI console = s.has("consoleUrl") ? httpUrl(s.get("consoleUrl"), "paging.consoleUrl") : null;
        int attempts = integer(s, "maxAttempts", d.maxAttempts(), 1, 20);
        Duration retry = Duration.ofMillis(integer(s, "retryInitialMillis", 1000, 10, 60_000));
        Duration timeout = Duration.ofSeconds(integer(s, "timeoutSeconds", 10, 1, 60));
        List<Webhook> hooks = new ArrayList<>();
        JsonNode list = s.get("webhooks");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new ConfigException("paging.webhooks: " + kind(list) + " (expected: a list of {url, format})");
            }
            for (int i = 0; i < list.size(); i++) {
                hooks.add(webhook(list.get(i), "paging.webhooks[" + i + "]"));
            }
        }
        return new PagingConfig(after, console, attempts, retry, timeout, hooks, language(s.get("language")));
    }

    /** The console link of one escalation, or null without {@link #consoleUrl}. */
    public String consoleLink(String escalationId) {
        if (consoleUrl == null) {
            return null;
        }
        String base = consoleUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + "moderator.html#escalation=" + escalationId;
    }

    private static String language(JsonNode n) {
        if (n == null) {
            return "en";
        }
        if (!n.isTextual() || !ServerText.LANGUAGES.contains(n.asText())) {
            throw new ConfigException("paging.language: " + n + " (expected: en, es, de or fr)");
        }
        return n.asText();
    }

    private static Webhook webhook(JsonNode n, String where) {
        if (!n.isObject()) {
            throw new ConfigException(where + ": " + kind(n) + " (expected: a mapping with url and format)");
        }
        unknownKeys(n, WEBHOOK_KEYS, where + ".");
        if (!n.has("url")) {
            throw new ConfigException(where + ".url is missing (expected: an http or https URL)");
        }
        URI url = httpUrl(n.get("url"), where + ".url");
        PageFormat format = PageFormat.GENERIC;
        JsonNode f = n.get("format");
        if (f != null) {
            try {
                if (!f.isTextual()) {
                    throw new IllegalArgumentException("not text");
                }
                format = PageFormat.valueOf(f.asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".format: " + f + " (expected: generic, pagerduty or slack)");
            }
        }
        JsonNode rk = n.get("routingKey");
        String routingKey = null;
        if (format == PageFormat.PAGERDUTY) {
            if (rk == null || !rk.isTextual() || rk.asText().isBlank()) {
                throw new ConfigException(where + ".routingKey is missing or empty"
                        + " (expected: the PagerDuty integration key for format pagerduty)");
            }
            routingKey = rk.asText();
        } else if (rk != null) {
            throw new ConfigException(where + ".routingKey is set for format " + format.id()
                    + " (expected: only with format pagerduty)");
        }
        return new Webhook(url, format, routingKey);
    }

    private static URI httpUrl(JsonNode n, String where) {
        // the value itself is not echoed: a webhook URL may carry a secret
        if (!n.isTextual()) {
            throw new ConfigException(where + ": " + kind(n) + " (expected: an http or https URL)");
        }
        try {
            URI u = new URI(n.asText());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new ConfigException(where + " is not an absolute http(s) URL (expected: an http or https URL)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigException(where + " is not a valid URL (expected: an http or https URL)", e);
        }
    }

    private static int integer(JsonNode s, String key, int dflt, int min, int max) {
        JsonNode n = s.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            throw new ConfigException("paging." + key + ": " + n + " (expected: a whole number from " + min
                    + " to " + max + ")");
        }
        return n.asInt();
    }

    private static void unknownKeys(JsonNode n, Set<String> known, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw org.kindred.server.config.ConfigErrors.unknownKey(prefix + k, k, known);
            }
        }
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
