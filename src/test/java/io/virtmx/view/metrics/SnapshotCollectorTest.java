package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.virtmx.model.BalloonStats;
import io.virtmx.model.CpuTimes;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainRates;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.IoRates;
import io.virtmx.model.JobInfo;
import io.virtmx.model.NetworkSnapshot;
import io.virtmx.model.NodeCpuTimes;
import io.virtmx.model.NodeInfo;
import io.virtmx.model.OsInfo;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.SnapshotListener;
import io.virtmx.model.SnapshotSource;
import io.virtmx.model.VcpuStats;
import io.virtmx.model.VolumeSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    source.publish(source.current.withoutDomain("uuid-web"));
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
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(collector);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CachedExposition.TEXT.write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  static HostSnapshot host(List<DomainSnapshot> domains) {
    NodeInfo node =
        new NodeInfo(
            "hv1.example",
            "QEMU",
            8_002_000,
            9_000_000,
            "EPYC",
            8,
            2400,
            1,
            1,
            4,
            2,
            16L << 30,
            4L << 30,
            new NodeCpuTimes(100_000_000_000L, 20_000_000_000L, 900_000_000_000L, 1_500_000_000L));
    PoolSnapshot pool =
        new PoolSnapshot(
            "images",
            "uuid-pool",
            "dir",
            2,
            true,
            true,
            100L << 30,
            60L << 30,
            40L << 30,
            "/var/lib/libvirt/images",
            List.of(
                new VolumeSnapshot(
                    "web.qcow2",
                    "k",
                    "/var/lib/libvirt/images/web.qcow2",
                    "file",
                    10L << 30,
                    3L << 30)));
    NetworkSnapshot net =
        new NetworkSnapshot("default", "uuid-net", true, true, true, "virbr0", "nat", 2);
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    return new HostSnapshot(
        "hv1",
        "qemu:///system",
        true,
        false,
        t,
        t,
        Duration.ofMillis(250),
        Map.of("domain", 3L),
        node,
        domains,
        List.of(pool),
        List.of(net));
  }

  static DomainSnapshot web() {
    DiskStats vda =
        new DiskStats(
            "vda",
            "virtio",
            "file",
            "disk",
            "qcow2",
            "/var/lib/libvirt/images/web.qcow2",
            100,
            409_600,
            2_000_000_000L,
            50,
            204_800,
            1_000_000_000L,
            7,
            500_000_000L,
            0,
            10L << 30,
            3L << 30,
            3L << 30,
            IoRates.UNKNOWN);
    InterfaceStats eth0 =
        new InterfaceStats(
            "",
            "52:54:00:00:00:01",
            "bridge",
            "br0",
            "virtio",
            1000,
            10,
            0,
            1,
            2000,
            20,
            0,
            0,
            IoRates.UNKNOWN);
    InterfaceStats eth1 =
        new InterfaceStats(
            "",
            "52:54:00:00:00:02",
            "network",
            "default",
            "e1000",
            3000,
            30,
            2,
            0,
            4000,
            40,
            0,
            3,
            IoRates.UNKNOWN);
    BalloonStats balloon =
        new BalloonStats(
            1_048_576,
            2_097_152,
            262_144,
            1_048_576,
            524_288,
            1_100_000,
            0,
            0,
            5,
            900,
            65_536,
            1_767_322_000);
    return new DomainSnapshot(
        "web",
        "uuid-web",
        3,
        DomainState.RUNNING,
        1,
        true,
        true,
        new OsInfo("hvm", "x86_64", "pc-q35-7.2"),
        2,
        4,
        List.of(
            new VcpuStats(0, 1, 30_000_000_000L, 1_000_000_000L, 250_000_000L, 3),
            new VcpuStats(1, 1, 20_000_000_000L, -1, -1, 5)),
        1_048_576,
        2_097_152,
        new CpuTimes(50_000_000_000L, 40_000_000_000L, 10_000_000_000L),
        balloon,
        List.of(vda),
        List.of(eth0, eth1),
        JobInfo.NONE,
        DomainRates.UNKNOWN,
        Instant.EPOCH,
        0,
        List.of());
  }

  static DomainSnapshot stopped() {
    DiskStats vda =
        new DiskStats(
            "vda",
            "virtio",
            "block",
            "disk",
            "raw",
            "/dev/vg/old",
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            -1,
            IoRates.UNKNOWN);
    return new DomainSnapshot(
        "old",
        "uuid-old",
        -1,
        DomainState.SHUTOFF,
        1,
        true,
        false,
        new OsInfo("hvm", "x86_64", "pc"),
        1,
        1,
        List.of(),
        524_288,
        524_288,
        CpuTimes.UNKNOWN,
        BalloonStats.UNKNOWN,
        List.of(vda),
        List.of(),
        JobInfo.NONE,
        DomainRates.UNKNOWN,
        Instant.EPOCH,
        0,
        List.of());
  }

  /** A snapshot source holding one host, publishing replacements to its listeners. */
  static final class FixedSource implements SnapshotSource {
    HostSnapshot current;
    final List<SnapshotListener> listeners = new ArrayList<>();

    FixedSource(HostSnapshot current) {
      this.current = current;
    }

    void publish(HostSnapshot next) {
      HostSnapshot previous = current;
      current = next;
      listeners.forEach(l -> l.updated(previous, next));
    }

    @Override
    public List<HostSnapshot> hosts() {
      return List.of(current);
    }

    @Override
    public Optional<HostSnapshot> host(String name) {
      return Optional.of(current).filter(h -> h.host().equals(name));
    }

    @Override
    public void addListener(SnapshotListener listener) {
      listeners.add(listener);
    }

    @Override
    public void removeListener(SnapshotListener listener) {
      listeners.remove(listener);
    }
  }
}
