package dev.tlssession.netty;

import javax.net.ssl.SSLEngine;

import dev.tlssession.TlsSessionCache;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;

/**
 * Tells the cache when a connection becomes active, just before the {@link SslHandler} writes the ClientHello, so
 * that handshake durations leave out name resolution, connection pooling and the TCP connect. Goes right before
 * the {@link SslHandler} and removes itself; the Reactor Netty binding installs it.
 */
@Sharable
public final class HandshakeStartHandler extends ChannelInboundHandlerAdapter {

	private final RoutingSslContext context;

	/**
	 * Creates a handler for the connections of a context.
	 * @param context the context the connections were made with
	 */
	public HandshakeStartHandler(RoutingSslContext context) {
		this.context = context;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		SslHandler sslHandler = ctx.pipeline().get(SslHandler.class);
		if (sslHandler != null) {
			SSLEngine engine = sslHandler.engine();
			TlsSessionCache cache = this.context.cacheFor(engine.getPeerHost(), engine.getPeerPort());
			if (cache instanceof AbstractTlsSessionCache managed) {
				managed.handshakeStarting(engine);
			}
		}
		ctx.pipeline().remove(this);
		ctx.fireChannelActive();
	}

}
