package org.kindred.protocol;

/**
 * A crisis line shown in a {@code crisis} event; absent fields are not written.
 * {@code smsKeyword} (1.1, additive) is the word the service asks people to text to {@code sms}
 * (e.g. {@code HOME}), when it asks for one.
 */
public record CrisisResource(String name, String region, String phone, String sms, String smsKeyword, String url,
        String hours) {
    public CrisisResource {
        Fields.requiredText(name, "name");
    }
}
