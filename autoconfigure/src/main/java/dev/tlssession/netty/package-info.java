/**
 * What both providers share at the Netty level: the cache base class with its handshake accounting, host rules and
 * the routing context that picks a cache per connection.
 */
@NullMarked
package dev.tlssession.netty;

import org.jspecify.annotations.NullMarked;
