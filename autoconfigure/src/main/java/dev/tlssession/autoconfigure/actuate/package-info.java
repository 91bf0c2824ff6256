/**
 * Auto-configuration of the {@code tlssessions} endpoint and the {@code tlsSessions} health contributor.
 */
@NullMarked
package dev.tlssession.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
