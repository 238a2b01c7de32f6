/**
 * Writing result files safely: a file is complete or untouched, never half-written over an earlier one.
 */
package org.spikeprune.core.io;
