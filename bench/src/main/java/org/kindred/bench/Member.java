package org.kindred.bench;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/** One simulated member: where it sits, its connection and its own publish sequence. */
final class Member {
    final int index;
    final int room;
    final DeliveryLedger.Receiver receiver;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    volatile Channel channel;
    /** Next publish sequence number; touched only by the publishing thread. */
    long nextPseq;

    Member(int index, int room, DeliveryLedger.Receiver receiver) {
        this.index = index;
        this.room = room;
        this.receiver = receiver;
    }

    static String roomName(int room) {
        return "r" + room;
    }
}
