/**
 * Auto-configuration: caches from {@code tls.session.*} properties and SSL bundles, bound to every Reactor Netty
 * client that Spring Boot builds.
 */
@NullMarked
package dev.tlssession.autoconfigure;

import org.jspecify.annotations.NullMarked;
