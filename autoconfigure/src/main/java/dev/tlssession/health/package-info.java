/**
 * The {@code tlsSessions} health contributor: reuse over a recent window.
 */
@NullMarked
package dev.tlssession.health;

import org.jspecify.annotations.NullMarked;
