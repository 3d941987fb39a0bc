/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.FixedSource;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.Snapshots;
import io.virtmx.view.http.StreamedBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A synthetic host snapshot rendered to the text exposition, compared with a golden text block. */
class SnapshotCollectorTest {
  static final Path GOLDEN = Path.of("src/test/resources/metrics/golden-host.txt");

  @Test
  void rendersTheGoldenExposition() throws Exception {
    String actual = render(new FixedSource(host(List.of(web(), stopped()))));
    if (!actual.equals(Files.readString(GOLDEN))) {
      // To review a change and accept it: diff this file with the golden one, then copy it over.
      Files.writeString(Path.of("target/golden-host.actual.txt"), actual);
    }
    assertThat(actual).isEqualTo(Files.readString(GOLDEN));
  }

  @Test
  void seriesOfADeletedDomainDisappearWithTheNextSnapshot() throws Exception {
    FixedSource source = new FixedSource(host(List.of(web(), stopped())));
    SnapshotCollector collector = new SnapshotCollector();
    collector.follow(source);
    assertThat(text(collector)).contains("domain=\"web\"");
    source.publish(source.hosts().get(0).withoutDomain("uuid-web"));
    collector.renderNow();
    assertThat(text(collector)).doesNotContain("domain=\"web\"").contains("domain=\"old\"");
  }

  @Test
  void interfacesWithoutTargetDeviceDoNotCollide() throws Exception {
    String text = render(new FixedSource(host(List.of(web()))));
    assertThat(text)
        .contains("target_device=\"52:54:00:00:00:01\"", "target_device=\"52:54:00:00:00:02\"");
  }

  static String render(SnapshotSource source) throws Exception {
    SnapshotCollector collector = new SnapshotCollector();
    collector.follow(source);
    return text(collector);
  }

  static String text(SnapshotCollector collector) throws Exception {
    return text(collector.exposition().body(false));
  }

  /** A body's plain bytes, as a plain scrape gets them (without the registry's tail). */
  static String text(CachedExposition.Body body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (StreamedBody plain = body.plain(new byte[0])) {
      for (byte[] part = plain.next(); part != null; part = plain.next()) {
        assertThat(part.length).isLessThanOrEqualTo(ByteChunks.MAX_CHUNK);
        out.writeBytes(part);
      }
      assertThat((long) out.size()).isEqualTo(plain.length());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static HostSnapshot host(List<DomainSnapshot> domains) {
    return Snapshots.host("hv1")
        .collectedAt(Instant.parse("2026-01-02T03:04:05Z"))
        .took(Duration.ofMillis(250))
        .errors(Map.of("domain", 3L))
        .node(
            Snapshots.node("hv1.example")
                .hypervisor("QEMU", 8_002_000, 9_000_000)
                .cpus("EPYC", 8, 2400)
                .topology(1, 1, 4, 2)
                .memoryBytes(16L << 30, 4L << 30)
                .cpuTimes(100_000_000_000L, 20_000_000_000L, 900_000_000_000L, 1_500_000_000L))
        .domains(domains)
        .pool(
            Snapshots.pool("images")
                .uuid("uuid-pool")
                .sizes(100L << 30, 60L << 30, 40L << 30)
                .path("/var/lib/libvirt/images")
                .volume(
                    Snapshots.volume("web.qcow2")
                        .key("k")
                        .path("/var/lib/libvirt/images/web.qcow2")
                        .sizes(10L << 30, 3L << 30)))
        .network(Snapshots.network("default").uuid("uuid-net").bridge("virbr0").dhcpLeases(2))
        .build();
  }

  static DomainSnapshot web() {
    return Snapshots.domain("web")
        .id(3)
        .running()
        .autostart(true)
        .os("hvm", "x86_64", "pc-q35-7.2")
        .vcpus(2, 4)
        .vcpu(0, 1, 30_000_000_000L, 1_000_000_000L, 250_000_000L, 3)
        .vcpu(1, 1, 20_000_000_000L, -1, -1, 5)
        .memoryKib(1_048_576, 2_097_152)
        .cpu(50_000_000_000L, 40_000_000_000L, 10_000_000_000L)
        .balloon(
            Snapshots.balloon()
                .sizeKib(1_048_576, 2_097_152)
                .guestKib(262_144, 1_048_576, 524_288)
                .rssKib(1_100_000)
                .swapKib(0, 0)
                .faults(5, 900)
                .diskCachesKib(65_536)
                .lastUpdate(1_767_322_000))
        .disk(
            Snapshots.disk("vda")
                .source("/var/lib/libvirt/images/web.qcow2")
                .reads(100, 409_600, 2_000_000_000L)
                .writes(50, 204_800, 1_000_000_000L)
                .flushes(7, 500_000_000L)
                .errors(0)
                .sizes(10L << 30, 3L << 30, 3L << 30))
        .nic(
            Snapshots.nic("")
                .mac("52:54:00:00:00:01")
                .bridge("br0")
                .rx(1000, 10, 0, 1)
                .tx(2000, 20, 0, 0))
        .nic(
            Snapshots.nic("")
                .mac("52:54:00:00:00:02")
                .network("default")
                .model("e1000")
                .rx(3000, 30, 2, 0)
                .tx(4000, 40, 0, 3))
        .build();
  }

  static DomainSnapshot stopped() {
    return Snapshots.domain("old")
        .os("hvm", "x86_64", "pc")
        .memoryKib(524_288, 524_288)
        .disk(Snapshots.disk("vda").kind("virtio", "block", "disk", "raw").source("/dev/vg/old"))
        .build();
  }
}
