/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * One IOThread's polling settings as bulk statistics report them ({@code iothread.<id>.*}): the
 * longest it polls before sleeping in nanoseconds, and the factors it grows and shrinks that time
 * by ({@link Values#UNKNOWN} where not reported; 0 means QEMU's own choice).
 */
public record IoThreadStats(int id, long pollMaxNs, long pollGrow, long pollShrink) {}
