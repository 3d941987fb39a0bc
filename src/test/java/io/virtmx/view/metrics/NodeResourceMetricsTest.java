/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.FixedSource;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.NodeResources;
import io.virtmx.model.NodeResourcesSample;
import io.virtmx.model.PciFunction;
import io.virtmx.model.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node-resource families rendered from a sample node: units, labels, and unknowns left out. */
class NodeResourceMetricsTest {

  private static String rendered() throws Exception {
    return SnapshotCollectorTest.render(
        new FixedSource(
            Snapshots.host("hv1")
                .node(Snapshots.node("hv1.example"))
                .resources(NodeResourcesSample.twoCells())
                .build()));
  }

  @Test
  void rendersEveryResourceInBaseUnits() throws Exception {
    String text = rendered();
    assertThat(text)
        .contains("libvirt_node_numa_memory_free_bytes{cell=\"1\",host=\"hv1\"} 3.221225472E9")
        .contains("libvirt_node_numa_distance{cell=\"0\",host=\"hv1\",to_cell=\"1\"} 21.0")
        .contains("libvirt_node_numa_cell_info{cell=\"1\",cpus=\"2,3\",host=\"hv1\"} 1")
        .contains("libvirt_node_pages_free{cell=\"0\",host=\"hv1\",page_size=\"2097152\"} 100.0")
        .contains("libvirt_node_memory_stats_bytes{host=\"hv1\",type=\"cached\"} 2097152.0")
        .contains("libvirt_node_ksm_pages{host=\"hv1\",state=\"shared\"} 7.0")
        .contains("libvirt_node_ksm_full_scans_total{host=\"hv1\"} 3.0")
        .contains("libvirt_node_ksm_setting{host=\"hv1\",setting=\"pages_to_scan\"} 100.0")
        .contains(
            "libvirt_node_cpu_time_per_cpu_seconds_total{cpu=\"0\",host=\"hv1\",mode=\"user\"} 1.5")
        .contains("libvirt_node_guest_max_vcpus{arch=\"x86_64\",host=\"hv1\",machine=\"pc-q35-7.2\"} 288.0")
        .contains("libvirt_node_guest_machine_info{arch=\"x86_64\",host=\"hv1\",machine=\"q35\",os_type=\"hvm\"} 1")
        .contains("libvirt_node_interface_speed_bytes{host=\"hv1\",interface=\"eth0\"} 1.25E8")
        .contains("libvirt_node_interface_link_up{host=\"hv1\",interface=\"eth0\"} 1.0")
        .contains("libvirt_node_device_pci_virtual_functions{device=\"pci_0000_3b_00_0\",host=\"hv1\"} 1.0")
        .contains("iommu_group=\"40\"")
        .contains(
            "libvirt_node_device_mdev_available_instances{device=\"pci_0000_3b_00_0\",host=\"hv1\",mdev_type=\"nvidia-35\",name=\"GRID M60-0Q\"} 16.0")
        .contains("libvirt_node_device_storage_size_bytes{block=\"/dev/sda\",device=\"block_sda\",host=\"hv1\"} 1.099511627776E12")
        .contains("libvirt_node_devices{capability=\"pci\",host=\"hv1\"} 1.0")
        .contains("libvirt_node_nwfilter_binding_info{domain=\"web\",host=\"hv1\",nwfilter=\"clean-traffic\",port_device=\"vnet0\"} 1")
        .contains("libvirt_node_secrets{host=\"hv1\",usage_type=\"volume\"} 2.0");
  }

  @Test
  void aPciDeviceSaysWhichDomainUsesIt() throws Exception {
    NodeResources sample = NodeResourcesSample.twoCells();
    List<NodeDevice> used =
        sample.devices().stream()
            .map(d -> d.pci().equals(PciFunction.NONE) ? d : d.withPci(d.pci().withUsedBy("gpu-vm")))
            .toList();
    String text =
        SnapshotCollectorTest.render(
            new FixedSource(
                Snapshots.host("hv1")
                    .node(Snapshots.node("hv1.example"))
                    .resources(sample.withDevices(used))
                    .build()));
    assertThat(text)
        .contains(
            "libvirt_node_device_pci_info{address=\"0000:3b:00.0\",class=\"0x020000\","
                + "device=\"pci_0000_3b_00_0\",host=\"hv1\",iommu_group=\"40\","
                + "physical_function=\"\",used_by=\"gpu-vm\"} 1");
    assertThat(rendered()).contains("physical_function=\"\",used_by=\"\"} 1");
  }

  @Test
  void leavesOutWhatWasNotReported() throws Exception {
    assertThat(rendered())
        .doesNotContain("libvirt_node_pages_free{cell=\"1\"")
        .doesNotContain("libvirt_node_interface_speed_bytes{host=\"hv1\",interface=\"lo\"");
    String empty =
        SnapshotCollectorTest.render(
            new FixedSource(Snapshots.host("hv1").node(Snapshots.node("hv1.example")).build()));
    for (String family : List.of("libvirt_node_numa_", "libvirt_node_device", "libvirt_node_host_cpu")) {
      assertThat(empty).doesNotContain(family + "memory_bytes{").doesNotContain(family + "_info{");
    }
  }
}
