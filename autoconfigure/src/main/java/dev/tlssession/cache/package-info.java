/**
 * The bounded session store behind the OpenSSL provider: no Spring, no native code.
 */
@NullMarked
package dev.tlssession.cache;

import org.jspecify.annotations.NullMarked;
