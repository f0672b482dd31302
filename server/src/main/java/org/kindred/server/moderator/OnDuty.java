package org.kindred.server.moderator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kindred.protocol.Role;

/**
 * One staff member on duty: signed in to the console and watching ({@code mod.watch}) on some node.
 * What an admin sees in "Staff online" ({@code GET /api/staff/online}) — the account name, the role,
 * the rooms watched and since when — and nothing else: no address, no token, nothing about members.
 * Immutable.
 *
 * @param name  the staff account's name (what {@code mod.*} audits and claims show)
 * @param role  {@link Role#SUPPORTER}, {@link Role#MODERATOR} or {@link Role#ADMIN}
 * @param rooms the room ids watched, or {@code *} for all rooms; sorted
 * @param since epoch ms when this member went on duty (the earliest of their connections)
 */
public record OnDuty(String name, Role role, Set<String> rooms, long since) {
    /** The longest name taken from another node's announcement (account names are at most 32). */
    static final int MAX_NAME = 64;
    /** At most this many rooms per member are taken from another node's announcement. */
    static final int MAX_ROOMS = 256;

    public OnDuty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        rooms = java.util.Collections.unmodifiableSet(new TreeSet<>(rooms));
    }

    /**
     * One entry per name, sorted by name: the rooms of every connection of that member (on every
     * node), the earliest {@code since}, and the highest role among them.
     */
    static List<OnDuty> merge(Collection<OnDuty> all) {
        Map<String, OnDuty> byName = new LinkedHashMap<>();
        for (OnDuty d : all) {
            byName.merge(d.name(), d, (a, b) -> {
                Set<String> rooms = new TreeSet<>(a.rooms());
                rooms.addAll(b.rooms());
                return new OnDuty(a.name(), a.role().ordinal() >= b.role().ordinal() ? a.role() : b.role(), rooms,
                        Math.min(a.since(), b.since()));
            });
        }
        List<OnDuty> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(OnDuty::name));
        return out;
    }

    /** This entry as JSON: {@code {"name","role","rooms":[…],"since"}} (the role as its wire name). */
    ObjectNode json(ObjectNode into) {
        into.put("name", name);
        into.put("role", role.name().toLowerCase(Locale.ROOT));
        rooms.forEach(into.putArray("rooms")::add);
        into.put("since", since);
        return into;
    }

    /**
     * An entry read from another node's announcement ({@link #json}), or null when it is not one
     * (a wrong shape, an unknown or member role, an over-long name): a bad entry is left out, never
     * trusted.
     */
    static OnDuty fromJson(JsonNode n) {
        if (n == null || !n.path("name").isTextual() || !n.path("role").isTextual()
                || !n.path("since").isIntegralNumber() || !n.path("rooms").isArray()) {
            return null;
        }
        String name = n.path("name").asText();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return null;
        }
        Role role;
        try {
            role = Role.valueOf(n.path("role").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!role.canModerate()) {
            return null;
        }
        Set<String> rooms = new TreeSet<>();
        for (JsonNode r : n.path("rooms")) {
            if (r.isTextual() && rooms.size() < MAX_ROOMS) {
                rooms.add(r.asText());
            }
        }
        return new OnDuty(name, role, rooms, n.path("since").asLong());
    }
}
