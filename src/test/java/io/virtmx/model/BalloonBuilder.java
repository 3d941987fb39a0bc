package io.virtmx.model;

/** Builds {@link BalloonStats} in KiB as the guest reports them; -1 where not set. */
public final class BalloonBuilder {
  private long actual = -1;
  private long maximum = -1;
  private long unused = -1;
  private long available = -1;
  private long usable = -1;
  private long rss = -1;
  private long swapIn = -1;
  private long swapOut = -1;
  private long majorFaults = -1;
  private long minorFaults = -1;
  private long diskCaches = -1;
  private long lastUpdate = -1;

  BalloonBuilder() {}

  public BalloonBuilder sizeKib(long actualKib, long maximumKib) {
    actual = actualKib;
    maximum = maximumKib;
    return this;
  }

  public BalloonBuilder guestKib(long unusedKib, long availableKib, long usableKib) {
    unused = unusedKib;
    available = availableKib;
    usable = usableKib;
    return this;
  }

  public BalloonBuilder rssKib(long value) {
    rss = value;
    return this;
  }

  public BalloonBuilder swapKib(long in, long out) {
    swapIn = in;
    swapOut = out;
    return this;
  }

  public BalloonBuilder faults(long major, long minor) {
    majorFaults = major;
    minorFaults = minor;
    return this;
  }

  public BalloonBuilder diskCachesKib(long value) {
    diskCaches = value;
    return this;
  }

  /** The guest's last stats update, seconds since the epoch. */
  public BalloonBuilder lastUpdate(long epochSeconds) {
    lastUpdate = epochSeconds;
    return this;
  }

  public BalloonStats build() {
    return new BalloonStats(
        Values.kibToBytes(actual),
        Values.kibToBytes(maximum),
        Values.kibToBytes(unused),
        Values.kibToBytes(available),
        Values.kibToBytes(usable),
        Values.kibToBytes(rss),
        Values.kibToBytes(swapIn),
        Values.kibToBytes(swapOut),
        majorFaults,
        minorFaults,
        Values.kibToBytes(diskCaches),
        lastUpdate);
  }
}
