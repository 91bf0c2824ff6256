/**
 * Which cache a connection uses: host rules and the router that applies them.
 */
@NullMarked
package dev.tlssession.routing;

import org.jspecify.annotations.NullMarked;
