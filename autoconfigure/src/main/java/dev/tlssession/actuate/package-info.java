/**
 * Actuator support: the {@code tlssessions} endpoint and the {@code tlsSessions} health contributor.
 */
@NullMarked
package dev.tlssession.actuate;

import org.jspecify.annotations.NullMarked;
