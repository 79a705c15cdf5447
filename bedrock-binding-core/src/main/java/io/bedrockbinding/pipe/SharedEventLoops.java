package io.bedrockbinding.pipe;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The event loops that every async client of one {@link BedrockRuntimeClients} shares,
 * and the connections opened on them, so that closing ends both in an order Netty
 * accepts.
 * <p>
 * A connection still open when the loops shut down is closed by its own loop during the
 * shutdown, and the SDK's close listener then posts to the loop of its connection pool,
 * which may have ended already: Netty logs a {@code RejectedExecutionException}. Closing
 * a factory right after its calls completed did that in most runs on a loaded machine:
 * closing the SDK clients does not close every connection before it returns. So the
 * connections are closed first, while every loop still runs.
 */
final class SharedEventLoops {

	private static final long WAIT_SECONDS = 5;

	private final SdkEventLoopGroup group;

	private final ChannelGroup channels = new DefaultChannelGroup("bedrock-runtime", GlobalEventExecutor.INSTANCE);

	SharedEventLoops() {
		SdkEventLoopGroup defaults = SdkEventLoopGroup.builder().build();
		ChannelFactory<? extends Channel> connections = defaults.channelFactory();
		this.group = SdkEventLoopGroup.create(defaults.eventLoopGroup(), () -> {
			Channel channel = connections.newChannel();
			// The group forgets a channel when it closes.
			this.channels.add(channel);
			return channel;
		});
	}

	SdkEventLoopGroup group() {
		return this.group;
	}

	/**
	 * Closes every connection, lets every loop run what their close listeners posted,
	 * then ends the loops and waits until they have ended: while they are shutting down
	 * they still take tasks that never run, and a late call of a closed client would hang
	 * instead of failing at once.
	 */
	void close() {
		this.channels.close().awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
		// A close listener runs on its connection's loop and may post to another loop:
		// one task through each loop, after the closes, runs behind every such post.
		for (EventExecutor loop : this.group.eventLoopGroup()) {
			loop.submit(() -> {
			}).awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		this.group.eventLoopGroup()
			.shutdownGracefully(0, 2, TimeUnit.SECONDS)
			.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
	}

}
