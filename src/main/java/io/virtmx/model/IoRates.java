package io.virtmx.model;

/**
 * Per-second rates of a disk or interface between two samples. For a disk "read/write" are the read
 * and write directions, for an interface receive and transmit. NaN until two samples exist or after
 * a counter went backwards.
 */
public record IoRates(
    double readBytesPerSec, double writeBytesPerSec, double readOpsPerSec, double writeOpsPerSec) {
  public static final IoRates UNKNOWN = new IoRates(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
