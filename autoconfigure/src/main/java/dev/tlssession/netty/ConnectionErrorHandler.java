package dev.tlssession.netty;

import java.io.IOException;

import javax.net.ssl.SSLEngine;

import dev.tlssession.TlsSessionCache;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;

/**
 * Tells a cache when one of its connections breaks (a reset, a fatal alert, a record that does not decrypt) instead
 * of closing in order: like OpenSSL with a connection that was never shut down, the cache then stops trusting the
 * sessions that connection made or resumed. Goes right after the {@link SslHandler} in a channel's pipeline; the
 * Reactor Netty binding installs it.
 */
@Sharable
public final class ConnectionErrorHandler extends ChannelInboundHandlerAdapter {

	private final RoutingSslContext context;

	/**
	 * Creates a handler for the connections of a context.
	 * @param context the context the connections were made with
	 */
	public ConnectionErrorHandler(RoutingSslContext context) {
		this.context = context;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
		SslHandler sslHandler = ctx.pipeline().get(SslHandler.class);
		if (sslHandler != null && (cause instanceof IOException || cause instanceof DecoderException)) {
			SSLEngine engine = sslHandler.engine();
			TlsSessionCache cache = this.context.cacheFor(engine.getPeerHost(), engine.getPeerPort());
			if (cache instanceof AbstractTlsSessionCache managed) {
				managed.connectionFailed(engine);
			}
		}
		ctx.fireExceptionCaught(cause);
	}

}
