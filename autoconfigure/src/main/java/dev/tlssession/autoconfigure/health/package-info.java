/**
 * Auto-configuration of the {@code tlsSessions} health contributor and its properties.
 */
@NullMarked
package dev.tlssession.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
