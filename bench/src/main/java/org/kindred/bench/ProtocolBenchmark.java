package org.kindred.bench;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.Decoded;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.transport.Encoded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The protocol work every {@code send} costs once, whatever the room size: decoding the request,
 * encoding the {@code sent} reply, and encoding the room's {@code message} event as a complete
 * WebSocket frame (shared by every recipient). In small rooms this per-message work is what
 * separates Kindred from a bare broadcast server (BENCHMARKS.md, fan-out rooms of 10).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ProtocolBenchmark -f 1 -wi 3 -i 5 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProtocolBenchmark {
    private static final String TEXT = "Thanks for listening yesterday, it really helped to say it out loud.";
    private static final String SEND = "{\"type\":\"send\",\"id\":\"r1234\",\"room\":\"anxiety\",\"text\":\"" + TEXT + "\"}";

    private final ProtocolCodec codec = new ProtocolCodec();
    private final MemberInfo from = new MemberInfo("u_wGrJ3kq9", "Quiet Owl", Role.MEMBER);
    private long seq;

    @Benchmark
    public Decoded decodeSend() {
        return codec.decodeClient(SEND);
    }

    @Benchmark
    public byte[] encodeSentReply() {
        return codec.encode(new ServerMessage.Sent("r1234", "anxiety", "m_" + (seq++), SendStatus.DELIVERED, null));
    }

    @Benchmark
    public int encodeMessageFrame() {
        ByteBuf frame = Encoded.of(codec, new ServerMessage.Message("anxiety", "m_" + seq, ++seq, from, TEXT,
                1_800_000_000_000L + seq));
        try {
            return frame.readableBytes();
        } finally {
            frame.release();
        }
    }
}
