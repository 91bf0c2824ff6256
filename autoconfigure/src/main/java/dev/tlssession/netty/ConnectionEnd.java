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

package dev.tlssession.netty;

/**
 * How a tracked connection ended, from what the binding's handlers saw: a close the
 * application asked for, the peer's close_notify, a close that reached the network side
 * of the {@code SslHandler}. It tells a connection that closed in order from one that
 * broke without an exception reaching any handler (Netty closes the channel itself after
 * a fatal alert, sent or received). Confined to the connection's event loop.
 *
 * @since 0.1.0
 */
public final class ConnectionEnd {

	private boolean closeRequested;

	private boolean closeNotifyReceived;

	private boolean closedUnclean;

	/**
	 * The application asked to close the connection.
	 */
	public void closeRequested() {
		this.closeRequested = true;
	}

	/**
	 * The peer closed the TLS connection in order.
	 */
	public void closeNotifyReceived() {
		this.closeNotifyReceived = true;
	}

	/**
	 * A close reached the network side of the {@code SslHandler}, right after its attempt
	 * to send close_notify.
	 * @param sslFailed whether the TLS stack could not send it (its engine is already
	 * shut down)
	 */
	public void closing(boolean sslFailed) {
		this.closedUnclean |= !this.closeRequested || sslFailed;
	}

	/**
	 * Whether the connection broke, once the channel is inactive. A close the application
	 * asked for or the peer's close_notify is in order; otherwise the connection broke if
	 * the {@code SslHandler} closed it on its own or the TLS stack could not send
	 * close_notify.
	 * @param sslFailed whether the TLS stack has shut down on its own by now (with no
	 * close from the application, an engine shuts down at this point only if sending
	 * close_notify failed)
	 * @return {@code true} if the connection broke
	 */
	public boolean broke(boolean sslFailed) {
		return !this.closeNotifyReceived && (this.closedUnclean || (!this.closeRequested && sslFailed));
	}

}
