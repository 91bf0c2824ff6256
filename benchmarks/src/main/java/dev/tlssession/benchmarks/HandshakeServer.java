/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.benchmarks;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import dev.tlssession.test.HandshakeRecorder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.pkitesting.X509Bundle;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A TLS echo server on BoringSSL for the handshake workload (no HTTP): one event loop
 * thread of its own, the server certificate of the test kit's authority, and the kit's
 * {@link HandshakeRecorder} counting resumed and full handshakes with
 * {@code SSL_session_reused} on its engines.
 */
final class HandshakeServer implements BenchServer {

	private final EventLoopGroup group;

	private final Channel channel;

	// the counts are all the benchmark reads: keep no list of handshakes
	private final HandshakeRecorder recorder = new HandshakeRecorder(1);

	HandshakeServer(Pki pki, Pki.Cert cert, Protocol protocol) throws Exception {
		X509Bundle server = pki.authority(cert).server();
		SslContext context = SslContextBuilder.forServer(server.getKeyPair().getPrivate(), server.getCertificatePath())
			.sslProvider(SslProvider.OPENSSL)
			.protocols(protocol.jsse)
			.build();
		this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bench-server-hs", true),
				NioIoHandler.newFactory());
		this.channel = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					SslHandler handler = context.newHandler(ch.alloc());
					HandshakeServer.this.recorder.record(handler);
					ch.pipeline().addLast(handler, new Echo());
				}
			})
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.sync()
			.channel();
	}

	int port() {
		return ((InetSocketAddress) this.channel.localAddress()).getPort();
	}

	@Override
	public String url(String tag) {
		return "localhost:" + port();
	}

	@Override
	public Handshakes handshakes() {
		return new Handshakes(this.recorder.resumed(), this.recorder.full(), this.recorder.failed());
	}

	@Override
	public String label() {
		return "netty";
	}

	@Override
	public long pid() {
		return 0;
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private static final class Echo extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			ctx.writeAndFlush(msg);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

}
