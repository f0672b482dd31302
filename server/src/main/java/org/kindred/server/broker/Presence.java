package org.kindred.server.broker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kindred.protocol.MemberInfo;

/**
 * Who is in each room, and the nicknames they hold there. A nickname is claimed through its
 * keys (the forms under which two nicknames count as the same, see {@code NickRules}): a claim
 * succeeds only when no key is held by another member, and then all of them are held at once,
 * so two members can never hold look-alike nicknames in one room. Members are listed in the
 * order they joined. Thread-safe; each method is atomic.
 *
 * <p>A member whose connection dropped keeps its seat, marked <em>away</em> ({@link #away}), so it
 * can resume; away seats do not count among the {@link #seated} ones (the room's capacity limits
 * connected members only), and {@link #trimAway} lets the members away longest go when too many
 * are. Adding a member again (it came back, on any node) and removing it end its away mark.
 *
 * <p>Calls may wait for the network (up to the implementation's command timeout) and throw an
 * unchecked exception when the shared state is unreachable. The rooms call them on the room's
 * thread, which is never an event loop when the engines do I/O ({@code RoomParts.remote()}): a
 * room's owner is then a worker that may wait, and the event loops only hand requests to it.
 */
public interface Presence {

    /**
     * Adds {@code member} to the room (or replaces its info; a member marked away is back); returns
     * the room's count after.
     */
    int add(String room, MemberInfo member);

    /** Removes the member and releases its nickname; returns its info, or empty if absent. */
    Optional<MemberInfo> remove(String room, String memberId);

    /** The member's info if it is in the room. */
    Optional<MemberInfo> get(String room, String memberId);

    /** The room's members in the order they joined. */
    List<MemberInfo> members(String room);

    /** How many members the room has. */
    int count(String room);

    /**
     * Claims a nickname in the room for {@code memberId} through all of {@code keys}: true when
     * none is held by another member (all are then held by this one), false otherwise (nothing
     * changes). A member's earlier claim in the room is replaced.
     */
    boolean claimNick(String room, String memberId, Collection<String> keys);

    /** Releases the nickname {@code memberId} holds in the room, if any. */
    void releaseNick(String room, String memberId);

    /**
     * Marks the member's seat away ({@code true}: its connection dropped, it may resume) or back
     * ({@code false}). Marking away a member that is not in the room, that is away already (it keeps
     * its place in the away order) or, with several nodes, that another node seats now changes
     * nothing; marking back always ends the mark.
     */
    void away(String room, String memberId, boolean away);

    /** How many of the room's members are not away: the seats that count against its capacity. */
    int seated(String room);

    /**
     * While more than {@code keep} ({@code >= 0}) of the room's members are away, removes the one
     * away longest (releasing its nickname). Returns the removed members' info, longest away first;
     * empty when no more than {@code keep} were away.
     */
    List<MemberInfo> trimAway(String room, int keep);

    /** Forgets the room's members and claims. */
    void clear(String room);
}
