/**
 * The session index: the bounded map of one TLS configuration's sessions by upstream and id, with their ids
 * hashed for display. No Spring, no native code.
 */
@NullMarked
package dev.tlssession.index;

import org.jspecify.annotations.NullMarked;
