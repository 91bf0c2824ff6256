package dev.tlssession.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the start of a connection's TLS handshake, without blocking, until its cache has settled which
 * session to offer: the {@link SslHandler} writes the ClientHello when the connection becomes active, and a session
 * must be set before that. While the channel connects, the cache may ask an application store (see
 * {@link TrackedConnection#prepare}); the gate passes {@code channelActive} on once it has answered or its timeout
 * has passed, and removes itself. It also marks the start of the handshake for its duration, leaving out name
 * resolution, pooling and the TCP connect. Goes right before the {@link SslHandler}; the Reactor Netty binding
 * installs it.
 */
@Sharable
public final class HandshakeGate extends ChannelInboundHandlerAdapter {

	/**
	 * The gate; it keeps no state of its own.
	 */
	public static final HandshakeGate INSTANCE = new HandshakeGate();

	private HandshakeGate() {
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		TrackedConnection connection = connection(ctx);
		if (connection != null && !ctx.channel().isActive()) {
			connection.prepare(ctx.channel().eventLoop());
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		TrackedConnection connection = connection(ctx);
		if (connection == null) {
			passOn(ctx);
			return;
		}
		connection.activate(() -> passOn(ctx));
	}

	private void passOn(ChannelHandlerContext ctx) {
		if (ctx.isRemoved()) {
			return;
		}
		ctx.pipeline().remove(this);
		// a connection that closed while it waited has already passed on channelInactive
		if (ctx.channel().isActive()) {
			ctx.fireChannelActive();
		}
	}

	static @Nullable TrackedConnection connection(ChannelHandlerContext ctx) {
		SslHandler sslHandler = ctx.pipeline().get(SslHandler.class);
		return (sslHandler != null) ? TrackedConnections.of(sslHandler.engine()) : null;
	}

}
