package org.kindred.server.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's event loops: one that accepts connections and one per core that serves them
 * (and runs the rooms), on epoll where the platform has it, else NIO.
 */
public final class EventLoops {
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;

    /** Starts the loops' threads ({@code kindred-accept-*}, {@code kindred-loop-*}). */
    public EventLoops() {
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kindred-accept"), io);
        workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("kindred-loop"), io);
    }

    public EventLoopGroup boss() {
        return boss;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    /** The server socket type that fits these loops. */
    public Class<? extends ServerChannel> serverChannelType() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** "epoll" or "nio", for the start-up log line. */
    public String kind() {
        return epoll ? "epoll" : "nio";
    }

    /** Every loop, accepting and serving (the stall watchdog watches them all). */
    public List<EventExecutor> all() {
        List<EventExecutor> loops = new ArrayList<>();
        boss.forEach(loops::add);
        workers.forEach(loops::add);
        return loops;
    }

    /** Stops both groups at once, waiting up to 5 s (after a failed start). */
    public void shutdownNow() {
        for (EventLoopGroup g : new EventLoopGroup[] {boss, workers}) {
            g.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Lets the serving loops finish within {@code graceMs}, then the accepting one. */
    public void shutdownGracefully(long graceMs) {
        workers.shutdownGracefully(0, Math.max(1, graceMs), TimeUnit.MILLISECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
