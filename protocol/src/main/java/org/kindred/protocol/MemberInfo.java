package org.kindred.protocol;

/**
 * A member as others see it: {@code {id, nick, role}}. In {@code welcome} only id and role are
 * set; in {@code typing} only id and nick. Absent fields are not written.
 */
public record MemberInfo(String id, String nick, Role role) {
    public MemberInfo {
        Fields.requiredText(id, "id");
    }
}
