package org.kindred.server.crisis;

import java.time.LocalDate;
import java.util.List;
import org.kindred.protocol.CrisisResource;

/**
 * One crisis line of the directory, validated: {@code name}, {@code source} and {@code checked}
 * are always present, at least one of {@code phone}, {@code sms}, {@code url} is, phone and SMS
 * numbers are well-formed and every URL is https. Optional fields are {@code null} when absent.
 *
 * @param region ISO 3166 alpha-2 code, or {@link CrisisDirectory#INTERNATIONAL}
 * @param smsKeyword the word to text, when the service asks for one
 * @param chat a web chat URL, when the service has one
 * @param languages ISO 639-1 codes the line answers in
 * @param source the https page the entry was taken from
 * @param checked the day the entry was compiled from {@code source}
 */
public record CrisisLine(String region, String name, String phone, String sms, String smsKeyword, String chat,
        String url, String hours, List<String> languages, String source, LocalDate checked) {

    public CrisisLine {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Whether the line answers in the given ISO 639-1 language. */
    public boolean speaks(String language) {
        return language != null && languages.contains(language);
    }

    /**
     * The wire form: the chat URL is preferred over the home page because it is help right now;
     * the keyword to text travels in its own field ({@code smsKeyword}), only with an SMS number.
     */
    public CrisisResource toResource() {
        return new CrisisResource(name, region, phone, sms, sms == null ? null : smsKeyword, chat != null ? chat : url,
                hours);
    }
}
