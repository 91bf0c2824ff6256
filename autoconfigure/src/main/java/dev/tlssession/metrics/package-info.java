/**
 * Micrometer meters for the caches; no Spring dependency.
 */
@NullMarked
package dev.tlssession.metrics;

import org.jspecify.annotations.NullMarked;
