package io.virtmx.model;

/**
 * Memory balloon statistics as {@code virDomainMemoryStats} names them, in KiB (faults are counts,
 * {@code lastUpdate} seconds since the epoch as the guest reported it). A statistic the guest or
 * driver does not report is -1.
 */
public record BalloonStats(
    long actualKib,
    long maximumKib,
    long unusedKib,
    long availableKib,
    long usableKib,
    long rssKib,
    long swapInKib,
    long swapOutKib,
    long majorFaults,
    long minorFaults,
    long diskCachesKib,
    long lastUpdate) {

  public static final BalloonStats UNKNOWN =
      new BalloonStats(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);

  public BalloonStats withMaximumKib(long maximum) {
    return new BalloonStats(
        actualKib,
        maximum,
        unusedKib,
        availableKib,
        usableKib,
        rssKib,
        swapInKib,
        swapOutKib,
        majorFaults,
        minorFaults,
        diskCachesKib,
        lastUpdate);
  }

  /**
   * Guest memory in use as a percentage of what it has, from available and unused; NaN when not
   * reported.
   */
  public double usedPercent() {
    if (availableKib <= 0 || unusedKib < 0) {
      return Double.NaN;
    }
    return 100.0 * (availableKib - unusedKib) / availableKib;
  }
}
