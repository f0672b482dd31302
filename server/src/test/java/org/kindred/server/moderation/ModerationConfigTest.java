package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModerationConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static ModerationConfig fromYaml(String yaml) throws Exception {
        JsonNode root = YAML.readTree(yaml);
        return YAML.treeToValue(root.get("moderation"), ModerationConfig.class);
    }

    @Test
    void defaultsAreThoseOfTheIssue() {
        ModerationConfig c = ModerationConfig.defaults();
        assertEquals(2000, c.maxTextLength());
        assertEquals(5, c.memberBurst());
        assertEquals(1.0, c.memberRatePerSecond());
        assertEquals(20, c.networkBurst());
        assertEquals(5.0, c.networkRatePerSecond());
        assertEquals(10, c.newMemberLinkMinutes());
        assertEquals(List.of(StageName.SHAPE, StageName.RATE, StageName.NORMALIZE, StageName.LEXICON,
                StageName.CONTACT, StageName.LINKS), c.stages());
        assertEquals(Action.MASK, c.action("any", Categories.PROFANITY));
        assertEquals(Action.BLOCK, c.action("any", Categories.SLUR));
        assertTrue(c.policy(Categories.THREAT).alert());
        assertTrue(c.crisisNumbers().contains("988"));
    }

    @Test
    void readsTheModerationSectionOfTheServerYaml() throws Exception {
        ModerationConfig c = fromYaml("""
                server:
                  port: 8080
                moderation:
                  stages: [shape, rate, normalize, lexicon, links, contact]
                  maxTextLength: 500
                  memberBurst: 3
                  memberRatePerSecond: 0.5
                  categories:
                    profanity: {action: hold}
                    sexual: {action: block, alert: true, severe: true}
                  rooms:
                    late-night:
                      profanity: allow
                  newMemberLinkMinutes: 30
                  allowedLinkDomains: [samaritans.org, example.org]
                  autoMuteSeconds: 120
                """);
        assertEquals(StageName.CONTACT, c.stages().get(5));
        assertEquals(500, c.maxTextLength());
        assertEquals(3, c.memberBurst());
        assertEquals(Action.HOLD, c.action("lobby", Categories.PROFANITY));
        assertEquals(Action.ALLOW, c.action("late-night", Categories.PROFANITY));
        assertTrue(c.policy(Categories.SEXUAL).alert());
        assertEquals(Action.BLOCK, c.action("lobby", Categories.SLUR), "unmentioned categories keep their defaults");
        assertEquals(20, c.networkBurst(), "unmentioned keys keep their defaults");
        assertEquals(List.of("samaritans.org", "example.org"), c.allowedLinkDomains());
        assertEquals(120, c.autoMuteSeconds());
    }

    @Test
    void explainsInvalidValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModerationConfig.builder().maxTextLength(0).build());
        assertTrue(e.getMessage().contains("maxTextLength 0 (expected: 1..100000)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModerationConfig.builder().stages(List.of(StageName.RATE, StageName.SHAPE)).build());
        assertTrue(e.getMessage().contains("(expected: a list starting with shape)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModerationConfig.builder().crisisNumbers(List.of("116 123")).build());
        assertTrue(e.getMessage().contains("(expected: 2 to 15 digits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Action.parse("nuke"));
        assertTrue(e.getMessage().contains("(expected: allow, mask, hold or block)"));
        e = assertThrows(IllegalArgumentException.class,
                () -> ModerationConfig.builder().stages(List.of(StageName.SHAPE, StageName.RATE, StageName.RATE)).build());
        assertTrue(e.getMessage().contains("each stage at most once"));
    }

    @Test
    void yamlErrorsCarryTheSameExplanation() {
        Exception e = assertThrows(Exception.class, () -> fromYaml("moderation:\n  memberBurst: -1\n"));
        assertTrue(e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException,
                e.toString());
        assertTrue(e.getMessage().contains("memberBurst -1 (expected: 1..10000)"), e.getMessage());
        Exception stage = assertThrows(Exception.class, () -> fromYaml("moderation:\n  stages: [shape, magic]\n"));
        assertTrue(stage.getMessage().contains("expected: one of shape"), stage.getMessage());
    }
}
