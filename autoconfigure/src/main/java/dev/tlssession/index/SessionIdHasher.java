package dev.tlssession.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashes session ids with a random per-process salt, so that a hash can tell sessions apart without revealing
 * the id or linking it across processes.
 */
public final class SessionIdHasher {

	private static final SessionIdHasher INSTANCE = new SessionIdHasher();

	private final byte[] salt = new byte[16];

	private SessionIdHasher() {
		new SecureRandom().nextBytes(this.salt);
	}

	/**
	 * The process-wide hasher.
	 * @return the hasher
	 */
	public static SessionIdHasher get() {
		return INSTANCE;
	}

	String hash(byte[] id) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.salt);
			byte[] hash = digest.digest(id);
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JDK algorithm", ex);
		}
	}

}
