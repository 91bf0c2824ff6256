/**
 * Auto-configuration of the {@code tlssessions} endpoint.
 */
@NullMarked
package dev.tlssession.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
