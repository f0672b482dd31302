package org.kindred.server.broker.redis;

import java.util.List;
import org.kindred.server.broker.Restrictions;

/**
 * The one script a member's post is, for {@link Publisher}: atomic in Redis, in this order, and
 * writing nothing before its last check can fail:
 * <ol>
 *   <li>a request accepted within the window ({@code {room}:req:<digest>}) answers with its
 *       earlier {@code seq} and msg id, and nothing else happens, whatever the rules say now;</li>
 *   <li>the room's rules, unless the author is staff ({@link RedisRestrictions#CHECK}): the
 *       lock, then a mute, then slow mode;</li>
 *   <li>the send allowances shared by the nodes, when the node keeps them
 *       ({@link RedisRateLimits#TAKE_CHECK}): the member's and the network's, both or neither;</li>
 *   <li>numbering: a post of a node whose earlier post was refused for its floor, and sent before
 *       the node learnt of it, is refused too (the node's halt: see below); a room without
 *       numbering begins a history at the floor the node read (or the script asks for it); with
 *       durable floors a {@code seq} above the ceiling is refused;</li>
 *   <li>then it records the post for slow mode, takes the allowance, appends the message to the
 *       stream, stores the {@code seq}, {@code PUBLISH}es and remembers the request.</li>
 * </ol>
 *
 * <p><b>The halt.</b> A node sends a room's posts one after the other without waiting for the
 * answers, and a post refused for its floor is sent again later. Something else may change the
 * room between two of them (a ceiling raised in the background, another node beginning the
 * history), so without more the next post could be numbered before the refused one. A refusal
 * therefore also sets the node's halt key ({@code {room}:halt:<publisher>}) to the post's round,
 * and a post of a round at or below it is refused as well ({@code -3}): the node then sends them
 * all again in their order, in a later round ({@link Publisher}).
 */
final class PublishScript {
    private PublishScript() {
    }

    /**
     * KEYS: 1 seq, 2 hist, 3 req, 4 ceil, 5 epoch, 6 the publisher's halt, 7 modes, 8 mute, 9 last,
     * 10… allowance keys (0 to 2). ARGV: 1 channel, 2 floor (-1: none read), 3 max size, 4 max age
     * ms, 5 msg id, 6 ts, 7 origin, 8 json, 9 request window ms (0: no request), 10 durable (1:
     * check the ceiling), 11 the publisher's round, 12 rules (1: check them), 13… per allowance key
     * its ms between sends and tolerance. Returns {code, …}: {1, seq, msg id, ceiling, began}
     * published; {2, seq, msg id, 0, 0} a retry of an accepted request; {3, kind, wait ms, slow
     * seconds, 0} held (kind 1 locked, 2 muted, 3 slow, 5 allowance spent); {-1, …} no numbering
     * and no floor given; {-2, seq, '', ceiling, began} {@code seq} above the ceiling; {-3, …}
     * behind a refused post of the same publisher (its round is halted). A refusal numbers
     * nothing and sets the halt to the post's round (for a minute).
     */
    static final Script SCRIPT = Script.of("""
            if ARGV[9] ~= '0' then
              local earlier = redis.call('GET', KEYS[3])
              if earlier then
                local at = string.find(earlier, ' ', 1, true)
                return {2, tonumber(string.sub(earlier, 1, at - 1)), string.sub(earlier, at + 1), 0, 0}
              end
            end
            local now, nowText = tonumber(ARGV[6]), ARGV[6]
            local modesKey, muteKey, lastKey = KEYS[7], KEYS[8], KEYS[9]
            local rateKey, rateArg = 10, 13
            local held, slowLast = nil, nil
            if ARGV[12] == '1' then
            """ + RedisRestrictions.CHECK + """
            end
            if held then return {3, held[1], held[2], held[3], 0} end
            """ + RedisRateLimits.TAKE_CHECK + """
            if wait > 0 then return {3, 5, wait, 0, 0} end
            local durable = ARGV[10] == '1'
            if durable then
              local halt = redis.call('GET', KEYS[6])
              if halt and tonumber(halt) >= tonumber(ARGV[11]) then return {-3, 0, '', 0, 0} end
            end
            local floor = tonumber(ARGV[2])
            local last = redis.call('GET', KEYS[1])
            local began = 0
            if not last then
              if durable and floor < 0 then
                redis.call('SET', KEYS[6], ARGV[11], 'PX', 60000)
                return {-1, 0, '', 0, 0}
              end
              last = math.max(floor, 0)
              local c = tonumber(redis.call('GET', KEYS[4]) or '0')
              redis.call('SET', KEYS[1], last)
              redis.call('SET', KEYS[5], last)
              redis.call('SET', KEYS[4], math.max(c, last))
              began = 1
            elseif durable then
              last = tonumber(last) -- a floor read to begin a history: another node began it first
            else
              last = math.max(tonumber(last), floor)
            end
            local s = last + 1
            local ceil = tonumber(redis.call('GET', KEYS[4]) or '0')
            if durable and s > ceil then
              redis.call('SET', KEYS[6], ARGV[11], 'PX', 60000)
              return {-2, s, '', ceil, began}
            end
            """ + RedisRestrictions.RECORD + RedisRateLimits.TAKE_WRITE + """
            if tonumber(ARGV[3]) > 0 then
              redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[3], '*', 'seq', s, 'ts', ARGV[6], 'msg', ARGV[5],
                  'origin', ARGV[7], 'json', ARGV[8])
              redis.call('PEXPIRE', KEYS[2], ARGV[4])
            end
            redis.call('SET', KEYS[1], s)
            redis.call('PUBLISH', ARGV[1], 'm\\n' .. s .. '\\n' .. ARGV[7] .. '\\n' .. ARGV[8])
            if ARGV[9] ~= '0' then
              redis.call('SET', KEYS[3], s .. ' ' .. ARGV[5], 'PX', ARGV[9])
            end
            return {1, s, ARGV[5], ceil, began}
            """);

    /**
     * What a publication is checked against.
     *
     * @param ruleKeys the post's keys of {@link RedisRestrictions#postKeys} (modes, mute, last)
     * @param rules whether the rules are checked (false: staff, or a message already admitted)
     * @param rateKeys the allowance keys ({@link RedisRateLimits#keys}), none when not kept here
     * @param rateArgs their arguments ({@link RedisRateLimits#args})
     */
    record Checks(String[] ruleKeys, boolean rules, String[] rateKeys, String[] rateArgs) {
        /** No checks, for a room's message already admitted. */
        static Checks none(RedisKeys keys, String room) {
            return new Checks(new String[] {keys.room(room, "modes"), keys.room(room, "mute:"),
                keys.room(room, "last:")}, false, new String[0], new String[0]);
        }
    }

    /** The script's KEYS: the numbering's six, then {@code checks}' rule and allowance keys. */
    static String[] keys(String[] numbering, Checks checks) {
        return concat(numbering, checks.ruleKeys(), checks.rateKeys());
    }

    /** The script's ARGV: the numbering's eleven, then the rules flag and the allowance arguments. */
    static String[] args(String[] numbering, Checks checks) {
        return concat(numbering, new String[] {checks.rules() ? "1" : "0"}, checks.rateArgs());
    }

    private static String[] concat(String[]... parts) {
        int n = 0;
        for (String[] p : parts) {
            n += p.length;
        }
        String[] out = new String[n];
        int at = 0;
        for (String[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The hold of a {@code {3, kind, wait, slow}} reply. */
    static Restrictions.Hold held(List<Object> r) {
        return RedisRestrictions.hold(((Number) r.get(1)).intValue(), ((Number) r.get(2)).longValue());
    }
}
