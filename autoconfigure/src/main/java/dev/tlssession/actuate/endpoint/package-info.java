/**
 * The {@code tlssessions} Actuator endpoint and its web extension.
 */
@NullMarked
package dev.tlssession.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
