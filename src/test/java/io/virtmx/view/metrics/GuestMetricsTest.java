/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.FixedSource;
import io.virtmx.model.GuestAddress;
import io.virtmx.model.GuestFilesystem;
import io.virtmx.model.GuestInsight;
import io.virtmx.model.GuestInterface;
import io.virtmx.model.GuestOs;
import io.virtmx.model.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guest-agent and metadata series rendered from synthetic snapshots. */
class GuestMetricsTest {
  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void anAnsweringAgentGivesInfoFileSystemsAndAddresses() throws Exception {
    GuestInsight g =
        new GuestInsight(
            GuestInsight.Agent.UP,
            AT,
            new GuestOs("debian", "Debian GNU/Linux 12 (bookworm)", "12", "6.1.0-18-amd64"),
            "web-01",
            "UTC",
            1,
            List.of(
                new GuestFilesystem("/", "ext4", List.of("vda"), 10_000, 4_000),
                new GuestFilesystem("/", "overlay", List.of(), 1, 1)),
            List.of(
                new GuestInterface(
                    "eth0",
                    "52:54:00:00:00:01",
                    List.of(new GuestAddress("ipv4", "198.18.1.9", 23)),
                    "agent")));

    String text = render(running("web").guest(g).build());

    assertThat(text)
        .contains(
            "libvirt_domain_guest_agent_up{domain=\"web\",host=\"hv1\",uuid=\"uuid-web\"} 1.0",
            "libvirt_domain_guest_filesystem_size_bytes{devices=\"vda\",domain=\"web\",fstype=\"ext4\","
                + "host=\"hv1\",mountpoint=\"/\",uuid=\"uuid-web\"} 10000.0",
            "libvirt_domain_guest_filesystem_used_bytes{devices=\"vda\",domain=\"web\",fstype=\"ext4\","
                + "host=\"hv1\",mountpoint=\"/\",uuid=\"uuid-web\"} 4000.0",
            "libvirt_domain_guest_info{domain=\"web\",host=\"hv1\",hostname=\"web-01\","
                + "kernel=\"6.1.0-18-amd64\",os_id=\"debian\",os_name=\"Debian GNU/Linux 12 (bookworm)\","
                + "os_version=\"12\",timezone=\"UTC\",uuid=\"uuid-web\"} 1",
            "libvirt_domain_interface_address_info{address=\"198.18.1.9\",domain=\"web\",family=\"ipv4\","
                + "host=\"hv1\",interface=\"eth0\",mac=\"52:54:00:00:00:01\",prefix=\"23\","
                + "source=\"agent\",uuid=\"uuid-web\"} 1",
            "libvirt_domain_guest_users{domain=\"web\",host=\"hv1\",uuid=\"uuid-web\"} 1.0")
        .doesNotContain("overlay");
  }

  @Test
  void aSilentAgentIsMarkedAndHasNoGuestSeries() throws Exception {
    String text = render(running("mute").guest(GuestInsight.agentDown(AT, List.of())).build());

    assertThat(text)
        .contains("libvirt_domain_guest_agent_up{domain=\"mute\",host=\"hv1\",uuid=\"uuid-mute\"} 0.0")
        .doesNotContain("libvirt_domain_guest_info{", "libvirt_domain_guest_filesystem_size_bytes{");
  }

  @Test
  void aDomainNeverAskedHasNoAgentSeries() throws Exception {
    assertThat(render(running("new").build())).doesNotContain("libvirt_domain_guest_agent_up{");
  }

  @Test
  void metadataLabelsMakeOneInfoSeries() throws Exception {
    DomainSnapshot d =
        running("nova")
            .metadata("t", "d", Map.of("flavor", "m1.small", "project", "shop", "instance", "web-1"))
            .build();

    assertThat(render(d))
        .contains(
            "libvirt_domain_metadata_info{domain=\"nova\",flavor=\"m1.small\",host=\"hv1\","
                + "instance=\"web-1\",project=\"shop\",uuid=\"uuid-nova\"} 1");
  }

  @Test
  void haltedPerfIoThreadsAndThresholdWhereTheDomainHasThem() throws Exception {
    DomainSnapshot d =
        running("db")
            .vcpu(0, 1, 1_000_000_000L, 0, 0, -1, 1)
            .perf("cpu_cycles", 8_817_236_121L)
            .iothread(1, 32_768, 2, 4)
            .disk(Snapshots.disk("vda").sizes(100, 50, 60).threshold(80))
            .build();

    String text = render(d);

    assertThat(text)
        .contains(
            "libvirt_domain_vcpu_halted{domain=\"db\",host=\"hv1\",uuid=\"uuid-db\",vcpu=\"0\"} 1.0",
            "libvirt_domain_perf_events_total{domain=\"db\",event=\"cpu_cycles\",host=\"hv1\",uuid=\"uuid-db\"} 8.817236121E9",
            "libvirt_domain_iothread_poll_max_seconds{domain=\"db\",host=\"hv1\",iothread=\"1\",uuid=\"uuid-db\"} 3.2768E-5",
            "libvirt_domain_iothread_poll_shrink{domain=\"db\",host=\"hv1\",iothread=\"1\",uuid=\"uuid-db\"} 4.0");
    assertThat(text).containsPattern("libvirt_domain_block_threshold_bytes\\{[^}]*domain=\"db\"[^}]*\\} 80.0");
    assertThat(render(running("plain").build()))
        .doesNotContain("libvirt_domain_perf_events_total{", "libvirt_domain_iothread_poll_max_seconds{");
  }

  private static io.virtmx.model.DomainBuilder running(String name) {
    return Snapshots.domain(name).id(1).running();
  }

  private static String render(DomainSnapshot d) throws Exception {
    return SnapshotCollectorTest.render(
        new FixedSource(SnapshotCollectorTest.host(List.of(d))));
  }
}
