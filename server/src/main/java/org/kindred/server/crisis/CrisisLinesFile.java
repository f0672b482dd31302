package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The raw shape of {@code crisis-lines.yaml}, before validation; see {@link CrisisLineValidator}. */
@JsonIgnoreProperties(ignoreUnknown = false)
record CrisisLinesFile(List<Entry> international, Map<String, List<Entry>> regions,
        Map<String, String> regionAliases, Map<String, String> languageDefaults,
        Map<String, List<Entry>> emergency) {

    CrisisLinesFile {
        international = international == null ? List.of() : international;
        regions = regions == null ? Map.of() : regions;
        regionAliases = regionAliases == null ? Map.of() : regionAliases;
        languageDefaults = languageDefaults == null ? Map.of() : languageDefaults;
        emergency = emergency == null ? Map.of() : emergency;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Entry(String name, String phone, String sms, String smsKeyword, String chat, String url, String hours,
            List<String> languages, String source, String checked) {
    }
}
