/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.gauge;
import static io.virtmx.view.metrics.Family.info;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainCapabilities;
import io.virtmx.model.GuestArch;
import io.virtmx.model.HostCapabilities;
import io.virtmx.model.HostSnapshot;
import java.util.List;

/**
 * The host's capabilities as info series: {@code libvirt_node_host_cpu_info{arch="x86_64",
 * model="kvm64",vendor="AMD",…} 1}, CPU features, guest machine types and domain capabilities.
 */
final class NodeCapabilityMetrics implements SnapshotBinder {
  static final Family HOST_CPU = info("libvirt_node_host_cpu", Descriptions.HOST_CPU + ".");
  static final Family FEATURE =
      info("libvirt_node_host_cpu_feature", Descriptions.HOST_CPU_FEATURES + ".");
  static final Family MACHINE = info("libvirt_node_guest_machine", Descriptions.GUEST_MACHINES + ".");
  static final Family MAX_VCPUS =
      gauge("libvirt_node_guest_max_vcpus", null, Descriptions.GUEST_MAX_VCPUS + ".");
  static final Family GUEST_DEVICE =
      info("libvirt_node_guest_device", Descriptions.GUEST_DEVICES + ".");

  @Override
  public List<Family> families() {
    return List.of(HOST_CPU, FEATURE, MACHINE, MAX_VCPUS, GUEST_DEVICE);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    HostCapabilities c = host.resources().capabilities();
    if (c.equals(HostCapabilities.UNKNOWN)) {
      return;
    }
    out.info(
        HOST_CPU,
        out.labels(
            "arch", c.arch(),
            "model", c.cpuModel(),
            "vendor", c.cpuVendor(),
            "sockets", Integer.toString(c.sockets()),
            "dies", Integer.toString(c.dies()),
            "cores", Integer.toString(c.cores()),
            "threads", Integer.toString(c.threads())));
    for (String f : c.cpuFeatures()) {
      out.info(FEATURE, out.labels("feature", f));
    }
    for (GuestArch g : c.guests()) {
      for (String m : g.machines()) {
        out.info(MACHINE, out.labels("arch", g.arch(), "os_type", g.osType(), "machine", m));
      }
      bindDomainCapabilities(g.arch(), g.domainCapabilities(), out);
    }
  }

  private static void bindDomainCapabilities(String arch, DomainCapabilities d, SeriesBuffer out) {
    if (d.equals(DomainCapabilities.UNKNOWN)) {
      return;
    }
    out.reported(MAX_VCPUS, out.labels("arch", arch, "machine", d.machine()), d.maxVcpus(), 1);
    device(out, arch, "disk_bus", d.diskBuses());
    device(out, arch, "disk_device", d.diskDevices());
    device(out, arch, "graphics", d.graphicsTypes());
    device(out, arch, "hostdev", d.hostdevTypes());
    device(out, arch, "firmware", d.firmware());
  }

  private static void device(SeriesBuffer out, String arch, String kind, List<String> values) {
    for (String v : values) {
      out.info(GUEST_DEVICE, out.labels("arch", arch, "kind", kind, "value", v));
    }
  }
}
