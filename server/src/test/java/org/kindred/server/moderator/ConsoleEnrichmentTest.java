package org.kindred.server.moderator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ModEvent;

/** Live console events: enriched later without waiting, handed on in the order they came. */
class ConsoleEnrichmentTest {
    private static ModEvent.Alert alert(String member) {
        return new ModEvent.Alert("calm", "m_" + member, member, List.of("x"), "…", 1L, null);
    }

    @Test
    void aSlowLookupHoldsBackTheEventsAfterItAndNeverReordersThem() {
        ConsoleEnrichment e = new ConsoleEnrichment();
        CompletableFuture<ModEvent> slow = new CompletableFuture<>();
        e.later((event, room) -> event.member().equals("u_1") ? slow
                : CompletableFuture.completedFuture(event.with(new ModEvent.Current("Bo", room, true))));
        List<ModEvent> out = new CopyOnWriteArrayList<>();
        e.inOrder(alert("u_1"), "calm", true, out::add); // returns at once, the lookup pending
        e.inOrder(alert("u_2"), "calm", true, out::add);
        e.inOrder(new ModEvent.RoomState("calm", 2, 10, false), "calm", false, out::add);
        assertTrue(out.isEmpty(), "nothing overtakes the pending lookup");
        slow.complete(alert("u_1").with(new ModEvent.Current("Ann", "calm", true)));
        assertEquals(List.of("u_1", "u_2", "-"), out.stream().map(x -> x.member() == null ? "-" : x.member()).toList());
        assertEquals("Ann", ((ModEvent.Alert) out.get(0)).current().nick());
        assertEquals("Bo", ((ModEvent.Alert) out.get(1)).current().nick());
    }

    @Test
    void aFailedLookupOrAFailingReceiverLetsTheEventsGoOn() {
        ConsoleEnrichment e = new ConsoleEnrichment();
        e.now((event, room) -> event.with(new ModEvent.Current(null, null, false)));
        e.later((event, room) -> CompletableFuture.failedFuture(new IllegalStateException("redis down")));
        List<ModEvent> out = new CopyOnWriteArrayList<>();
        e.inOrder(alert("u_1"), "calm", true, x -> {
            throw new IllegalStateException("a receiver failed");
        });
        e.inOrder(alert("u_2"), "calm", true, out::add);
        e.inOrder(alert("u_3"), "calm", false, out::add);
        assertEquals(2, out.size(), out.toString());
        assertEquals(null, ((ModEvent.Alert) out.get(0)).current(), "as it was published when the lookup failed");
        assertEquals(false, ((ModEvent.Alert) out.get(1)).current().online(), "as this node knows it");
    }

    @Test
    void aLookupThatNeverEndsHoldsTheEventsBackOnlyUntilTheLimit() throws Exception {
        ConsoleEnrichment e = new ConsoleEnrichment(50);
        e.later((event, room) -> event.member().equals("u_1") ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(event));
        List<ModEvent> out = new CopyOnWriteArrayList<>();
        e.inOrder(alert("u_1"), "calm", true, out::add);
        e.inOrder(alert("u_2"), "calm", true, out::add);
        long end = System.currentTimeMillis() + 5_000;
        while (out.size() < 2 && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertEquals(List.of("u_1", "u_2"), out.stream().map(ModEvent::member).toList(), "in order, as published");
    }
}
