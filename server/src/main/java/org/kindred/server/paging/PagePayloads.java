package org.kindred.server.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.i18n.ServerText;

/**
 * Builds the JSON body of a page for each {@link PageFormat}. A page names the escalation id,
 * its level, its room, why it was paged and a console link; by construction it can carry
 * nothing else — no message text, excerpt, member id or nickname reaches this class.
 */
public final class PagePayloads {
    /** The generic event name. */
    public static final String EVENT = "kindred.escalation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PagePayloads() {
    }

    /**
     * What a page says.
     *
     * @param escalation the escalation id
     * @param level      its level
     * @param room       its room, or null (help outside a room)
     * @param reason     {@code "unclaimed"} or {@code "nobody_watching"}
     * @param console    a link to the moderator console, or null
     * @param ts         epoch ms when the page was decided
     */
    public record Page(String escalation, RiskLevel level, String room, String reason, String console, long ts) {
    }

    /** The UTF-8 JSON body for {@code hook}'s format, its sentences in English. */
    public static byte[] body(Webhook hook, Page p) {
        return body(hook, p, "en");
    }

    /**
     * The UTF-8 JSON body for {@code hook}'s format.
     *
     * @param language the language of its sentences (the Slack text, the PagerDuty summary and link
     *                 text): {@code en}, {@code es}, {@code de} or {@code fr}, English for any other;
     *                 the fields that are codes (level, reason, event) are the same in every language
     */
    public static byte[] body(Webhook hook, Page p, String language) {
        ObjectNode n = switch (hook.format()) {
            case GENERIC -> generic(p);
            case PAGERDUTY -> pagerDuty(p, hook.routingKey(), language);
            case SLACK -> JSON.createObjectNode().put("text", sentence(p, language));
        };
        try {
            return JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a page", e);
        }
    }

    private static ObjectNode generic(Page p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("event", EVENT);
        n.put("escalation", p.escalation());
        n.put("level", level(p));
        n.put("room", p.room());
        n.put("reason", p.reason());
        n.put("console", p.console());
        n.put("ts", p.ts());
        return n;
    }

    private static ObjectNode pagerDuty(Page p, String routingKey, String language) {
        ObjectNode n = JSON.createObjectNode();
        n.put("routing_key", routingKey);
        n.put("event_action", "trigger");
        n.put("dedup_key", p.escalation());
        ObjectNode payload = n.putObject("payload");
        payload.put("summary", sentence(p, language));
        payload.put("source", "kindred");
        payload.put("severity", p.level() == RiskLevel.IMMINENT ? "critical" : "error");
        payload.put("timestamp", Instant.ofEpochMilli(p.ts()).toString());
        ObjectNode details = payload.putObject("custom_details");
        details.put("escalation", p.escalation());
        details.put("level", level(p));
        details.put("room", p.room());
        details.put("reason", p.reason());
        if (p.console() != null) {
            n.putArray("links").addObject().put("href", p.console()).put("text",
                    ServerText.get().text("paging.open_console", language));
        }
        return n;
    }

    /**
     * One plain sentence in {@code language} (a catalog language, English for others), e.g. for Slack
     * or a PagerDuty summary, followed by the console link when there is one.
     */
    static String sentence(Page p, String language) {
        Sentence where = p.room() == null ? Sentence.of("paging.where.none")
                : Sentence.of("paging.where.room", "room", p.room());
        String why = "unclaimed".equals(p.reason()) ? "paging.summary.unclaimed" : "paging.summary.nobody_watching";
        String s = Sentence.of(why, "level", Sentence.of("paging.level." + level(p)))
                .with("escalation", p.escalation()).with("where", where).text(language);
        return p.console() == null ? s : s + " " + p.console();
    }

    private static String level(Page p) {
        return p.level().name().toLowerCase(Locale.ROOT);
    }
}
