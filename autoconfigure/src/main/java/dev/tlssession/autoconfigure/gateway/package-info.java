/**
 * Auto-configuration for Spring Cloud Gateway (server, WebFlux): its proxy {@code HttpClient} through the TLS session
 * caches.
 */
@NullMarked
package dev.tlssession.autoconfigure.gateway;

import org.jspecify.annotations.NullMarked;
