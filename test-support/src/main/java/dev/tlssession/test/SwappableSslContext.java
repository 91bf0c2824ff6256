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

package dev.tlssession.test;

import java.util.List;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * A server context that forwards every call to the context set last, so that a running
 * server can present another certificate to new connections. Handlers are created by the
 * target's public methods, so their engines are the target's own.
 */
final class SwappableSslContext extends SslContext {

	private volatile SslContext target;

	SwappableSslContext(SslContext target) {
		this.target = target;
	}

	SslContext target() {
		return this.target;
	}

	void target(SslContext target) {
		this.target = target;
	}

	@Override
	public boolean isClient() {
		return false;
	}

	@Override
	public List<String> cipherSuites() {
		return this.target.cipherSuites();
	}

	@Override
	@SuppressWarnings("deprecation")
	public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
		return this.target.applicationProtocolNegotiator();
	}

	@Override
	public SSLEngine newEngine(ByteBufAllocator alloc) {
		return this.target.newEngine(alloc);
	}

	@Override
	public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
		return this.target.newEngine(alloc, peerHost, peerPort);
	}

	@Override
	public SSLSessionContext sessionContext() {
		return this.target.sessionContext();
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls) {
		return this.target.newHandler(alloc);
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
		return this.target.newHandler(alloc, executor);
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls) {
		return this.target.newHandler(alloc, peerHost, peerPort);
	}

	@Override
	protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls,
			Executor executor) {
		return this.target.newHandler(alloc, peerHost, peerPort, executor);
	}

}
