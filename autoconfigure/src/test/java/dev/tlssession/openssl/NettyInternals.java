package dev.tlssession.openssl;

/**
 * Simulates a Netty whose OpenSSL internals are not what the bridge expects, through the bridge's own detection.
 */
public final class NettyInternals {

	private NettyInternals() {
	}

	/**
	 * What {@link OpenSslSupport} finds on a Netty whose {@code ReferenceCountedOpenSslContext} has no {@code ctx}
	 * field: the same lookup, of a field name no Netty has.
	 * @return the availability
	 */
	public static OpenSslSupport.Availability withoutCtxField() {
		return OpenSslSupport.detect("ctxRemovedByAFutureNetty");
	}

}
