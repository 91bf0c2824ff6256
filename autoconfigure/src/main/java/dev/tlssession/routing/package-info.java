/**
 * Which cache a connection uses: host rules, the router that applies them, and the client context that hands
 * each connection to its cache's context.
 */
@NullMarked
package dev.tlssession.routing;

import org.jspecify.annotations.NullMarked;
