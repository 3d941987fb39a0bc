/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.HostSnapshot;
import io.virtmx.model.NodeDevice;
import io.virtmx.model.NodeResourcesSample;
import io.virtmx.model.Snapshots;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The join of domains' PCI hostdevs with the node's PCI devices. */
class PciUsersTest {
  private static final String NIC = "pci_0000_3b_00_0";

  private static DeviceInfo hostdev(String address) {
    return new DeviceInfo("hostdev", "pci", "", "", -1, -1, "", address);
  }

  private static Map<String, String> usedBy(HostSnapshot s) {
    return s.resources().devices().stream()
        .collect(Collectors.toMap(NodeDevice::name, d -> d.pci().usedBy()));
  }

  @Test
  void aDeviceIsUsedByTheDomainPassingItsAddressThrough() {
    HostSnapshot s =
        Snapshots.host("hv1")
            .resources(NodeResourcesSample.twoCells())
            .domain(Snapshots.domain("gpu").devices(List.of(hostdev("0000:3b:00.0"))))
            .domain(Snapshots.domain("plain"))
            .build();

    HostSnapshot marked = PciUsers.marked(s);

    assertThat(usedBy(marked)).containsEntry(NIC, "gpu").containsEntry("block_sda", "");
    assertThat(PciUsers.marked(marked)).isSameAs(marked);
  }

  @Test
  void aDeviceNoDomainNamesIsFreeAgain() {
    HostSnapshot used =
        PciUsers.marked(
            Snapshots.host("hv1")
                .resources(NodeResourcesSample.twoCells())
                .domain(Snapshots.domain("gpu").devices(List.of(hostdev("0000:3b:00.0"))))
                .build());
    HostSnapshot gone = PciUsers.marked(used.withDomains(List.of()));

    assertThat(usedBy(gone)).containsEntry(NIC, "");
  }

  @Test
  void anAddressOfAnotherFunctionMarksNothingAndTwoUsersGiveTheFirstName() {
    List<NodeDevice> devices = NodeResourcesSample.twoCells().devices();
    HostSnapshot other =
        Snapshots.host("hv1")
            .domain(Snapshots.domain("b").devices(List.of(hostdev("0000:3b:00.0"))))
            .domain(Snapshots.domain("a").devices(List.of(hostdev("0000:3b:00.0"))))
            .domain(Snapshots.domain("c").devices(List.of(hostdev("0000:3b:00.1"))))
            .build();

    assertThat(PciUsers.mark(devices, other.domains()))
        .filteredOn(d -> d.name().equals(NIC))
        .singleElement()
        .extracting(d -> d.pci().usedBy())
        .isEqualTo("a");
  }
}
