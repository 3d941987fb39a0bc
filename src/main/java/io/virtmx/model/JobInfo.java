package io.virtmx.model;

/**
 * A running background job (migration, save, dump…) of a domain as {@code virDomainGetJobInfo}
 * reports it, or {@link #NONE}. Sizes are bytes, times milliseconds.
 */
public record JobInfo(
    int type,
    long timeElapsedMs,
    long timeRemainingMs,
    long dataTotal,
    long dataProcessed,
    long dataRemaining) {
  public static final JobInfo NONE = new JobInfo(0, 0, 0, 0, 0, 0);

  public boolean running() {
    return type != 0;
  }
}
