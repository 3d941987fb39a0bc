package io.virtmx.model;

/**
 * One disk of a domain: what its definition says and its I/O counters.
 *
 * <p>Times are cumulative nanoseconds; sizes bytes; -1 where not reported (a stopped domain has
 * definition only).
 */
public record DiskStats(
    String target,
    String bus,
    String type,
    String device,
    String driver,
    String source,
    long readRequests,
    long readBytes,
    long readTimeNs,
    long writeRequests,
    long writeBytes,
    long writeTimeNs,
    long flushRequests,
    long flushTimeNs,
    long errors,
    long capacityBytes,
    long allocationBytes,
    long physicalBytes,
    IoRates rates) {

  public DiskStats withRates(IoRates newRates) {
    return new DiskStats(
        target,
        bus,
        type,
        device,
        driver,
        source,
        readRequests,
        readBytes,
        readTimeNs,
        writeRequests,
        writeBytes,
        writeTimeNs,
        flushRequests,
        flushTimeNs,
        errors,
        capacityBytes,
        allocationBytes,
        physicalBytes,
        newRates);
  }
}
