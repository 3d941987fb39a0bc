/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * Where tests get snapshots: named builders ({@link HostBuilder}, {@link DomainBuilder}, {@link
 * DiskBuilder}…), the one place tests call the model's positional constructors (so a reshaped
 * record is absorbed there), e.g.
 *
 * <pre>{@code
 * Snapshots.host("hv1").domain(
 *     Snapshots.domain("web").running().id(3).vcpus(2, 4)
 *         .disk(Snapshots.disk("vda").source("/img/web.qcow2").reads(100, 409_600, 2_000_000_000L)))
 *     .build();
 * }</pre>
 *
 * <p>Whatever a test does not set is unknown: -1 counters, {@code UNKNOWN} values, empty lists.
 */
public final class Snapshots {
  private Snapshots() {}

  public static HostBuilder host(String name) {
    return new HostBuilder(name);
  }

  public static NodeBuilder node(String hostname) {
    return new NodeBuilder(hostname);
  }

  public static DomainBuilder domain(String name) {
    return new DomainBuilder(name);
  }

  public static DiskBuilder disk(String target) {
    return new DiskBuilder(target);
  }

  public static NicBuilder nic(String target) {
    return new NicBuilder(target);
  }

  public static PoolBuilder pool(String name) {
    return new PoolBuilder(name);
  }

  public static VolumeBuilder volume(String name) {
    return new VolumeBuilder(name);
  }

  public static NetworkBuilder network(String name) {
    return new NetworkBuilder(name);
  }

  public static BalloonBuilder balloon() {
    return new BalloonBuilder();
  }

  public static JobBuilder job() {
    return new JobBuilder();
  }
}
