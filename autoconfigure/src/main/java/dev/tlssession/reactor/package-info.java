/**
 * Binding Reactor Netty's {@code HttpClient} to the caches.
 */
@NullMarked
package dev.tlssession.reactor;

import org.jspecify.annotations.NullMarked;
