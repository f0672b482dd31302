package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An operator's {@code crisis-lines.yaml} is checked field by field: a wrong line must stop the
 * start with a message that names the entry, the field and what was expected, never reach a
 * person in crisis as a button that does nothing.
 */
class CrisisLineFileValidationTest {
    private static final String INTERNATIONAL = """
            international:
              - name: Directory
                url: https://example.org/
                languages: [en]
                source: https://example.org/
                checked: 2026-01-02
            """;

    /** A file with one region GB holding one line made of {@code fields} (YAML, 4-space indented). */
    private static String withLine(String fields) {
        return INTERNATIONAL + """
                regions:
                  GB:
                    - name: Line
                      languages: [en]
                      source: https://example.org/
                      checked: 2026-01-02
                """ + "      " + fields.replace("; ", "\n      ") + "\n";
    }

    @Test
    void aWellFormedLineIsAccepted() {
        CrisisDirectory d = CrisisDirectory.parse(withLine("phone: \"116 123\"; sms: \"85258\"; smsKeyword: SHOUT"));
        assertNotNull(d);
        assertTrue(d.regions().contains("GB"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            smsKeyword: SHOUT; url: https://example.org/ | smsKeyword without sms (expected: sms number too)
            sms: "text us"                               | sms 'text us' (expected: 3 to 15
            sms: "12"                                    | sms '12' (expected: 3 to 15
            sms: "1234567890123456"                      | sms '1234567890123456' (expected: 3 to 15
            phone: "0800-HELP"                           | phone '0800-HELP' (expected: 3 to 15
            phone: "+"                                   | phone '+' (expected: 3 to 15
            url: http://example.org/                     | url 'http://example.org/' (expected: an https URL)
            chat: javascript:alert(1); phone: "116123"   | chat 'javascript:alert(1)' (expected: an https URL)
            hours: 24/7                                  | no way to reach it (expected: at least one of phone, sms, url)
            phone: "116123"; languages: [english]        | language 'english' (expected: ISO 639-1
            """)
    void aBadLineIsRefusedNamingTheField(String fields, String expected) {
        String yaml = withLine(fields);
        // a repeated key (languages) keeps the last value in YAML, so the bad one is the one checked
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrisisDirectory.parse(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("(expected"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            regions: {G1: [{name: L, phone: "116123", languages: [en], source: "https://example.org/", checked: 2026-01-02}]} | region 'G1' (expected: ISO 3166 alpha-2
            regions: {GBR: [{name: L, phone: "116123", languages: [en], source: "https://example.org/", checked: 2026-01-02}]} | region 'GBR' (expected: ISO 3166 alpha-2
            regionAliases: {UK: XX}                      | regionAliases UK -> XX (expected: a region listed under regions)
            languageDefaults: {cy: XX}                   | languageDefaults cy -> XX (expected: a region listed under regions)
            emergency: {XX: [{name: Police, phone: "999", languages: [en], source: "https://example.org/", checked: 2026-01-02}]} | emergency XX (expected: a region listed under regions)
            """)
    void badCodesAndAliasesAreRefused(String extra, String expected) {
        String yaml = INTERNATIONAL + extra + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrisisDirectory.parse(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phone: "9-1-1"                               | phone '9-1-1' (expected: 2 to 6 digits
            phone: "1"                                   | phone '1' (expected: 2 to 6 digits
            phone: "999"; sms: "999"                     | sms, smsKeyword or chat on an emergency number
            """)
    void badEmergencyNumbersAreRefused(String fields, String expected) {
        String yaml = withLine("phone: \"116123\"") + "emergency:\n  GB:\n    - name: Emergency\n"
                + "      languages: [en]\n      source: https://example.org/\n      checked: 2026-01-02\n      "
                + fields.replace("; ", "\n      ") + "\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrisisDirectory.parse(yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aFileWithoutAnInternationalDirectoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisDirectory.parse("regions: {}\n"));
        assertTrue(e.getMessage().contains("no international entry (expected: at least one)"), e.getMessage());
    }
}
