/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.List;

/**
 * Per-second rates of a disk or interface between two samples. For a disk "read/write" are the read
 * and write directions, for an interface receive and transmit. NaN until two samples exist or after
 * a counter went backwards.
 */
public record IoRates(
    double readBytesPerSec, double writeBytesPerSec, double readOpsPerSec, double writeOpsPerSec) {
  public static final IoRates UNKNOWN = new IoRates(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The rates of several devices added up: NaN where any of them is NaN, 0 for none. */
  public static IoRates total(List<IoRates> rates) {
    double read = 0;
    double write = 0;
    double readOps = 0;
    double writeOps = 0;
    for (IoRates r : rates) {
      read += r.readBytesPerSec;
      write += r.writeBytesPerSec;
      readOps += r.readOpsPerSec;
      writeOps += r.writeOpsPerSec;
    }
    return new IoRates(read, write, readOps, writeOps);
  }
}
