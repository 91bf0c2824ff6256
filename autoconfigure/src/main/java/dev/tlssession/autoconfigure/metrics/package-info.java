/**
 * Auto-configuration of the caches' Micrometer meters.
 */
@NullMarked
package dev.tlssession.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
