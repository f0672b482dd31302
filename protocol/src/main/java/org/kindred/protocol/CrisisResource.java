package org.kindred.protocol;

/** A crisis line shown in a {@code crisis} event; absent fields are not written. */
public record CrisisResource(String name, String region, String phone, String sms, String url, String hours) {
    public CrisisResource {
        Fields.requiredText(name, "name");
    }
}
