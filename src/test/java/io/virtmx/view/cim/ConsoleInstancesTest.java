/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.DeviceInfo;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.DomainState;
import io.virtmx.view.cim.schema.ClassRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleInstancesTest {
  private static final ClassRepository REPO = ClassRepository.fromClasspath();

  private static List<String> around(HostModel m, CimObjectPath of, String assoc, String role) {
    return m.associationsOf(HostModel.VIRT, of.withNamespace(HostModel.VIRT)).stream()
        .filter(a -> a.className().equals(assoc))
        .map(a -> ((CimObjectPath) a.get(role)).withNamespace(null).toString())
        .toList();
  }

  @Test
  void aListeningVncConsoleIsAnAvailableAccessPointOfItsSystemAndTheService() {
    HostModel m = new HostModel(REPO, CimFixtures.twoDomains("QEMU"), name -> 12);
    CimInstance service = m.instances(HostModel.VIRT, "KVM_ConsoleRedirectionService").get(0);
    assertThat(service.values())
        .containsEntry("Name", "ConsoleRedirectionService")
        .containsEntry("CreationClassName", "KVM_ConsoleRedirectionService")
        .containsEntry("SystemCreationClassName", "KVM_HostSystem")
        .containsEntry("RedirectionServiceType", List.of(3L))
        .containsEntry("MaxCurrentEnabledSAPs", 65535L)
        .containsEntry("SharingMode", 3L)
        .containsEntry("EnabledState", 2L);
    List<CimInstance> saps = m.instances(HostModel.VIRT, "KVM_KVMRedirectionSAP");
    assertThat(saps).hasSize(1);
    CimInstance sap = saps.get(0);
    assertThat(sap.values())
        .containsEntry("Name", "5900:0")
        .containsEntry("SystemName", "web")
        .containsEntry("SystemCreationClassName", "KVM_ComputerSystem")
        .containsEntry("CreationClassName", "KVM_KVMRedirectionSAP")
        .containsEntry("KVMProtocol", 4L)
        .containsEntry("EnabledState", 6L);
    CimInstance web = m.instances(HostModel.VIRT, "KVM_ComputerSystem").get(0);
    assertThat(around(m, web.path(), "KVM_SAPAvailableForElement", "AvailableSAP"))
        .containsExactly(sap.path().toString());
    assertThat(around(m, service.path(), "KVM_ServiceAccessBySAP", "Dependent"))
        .containsExactly(sap.path().toString());
    assertThat(around(m, sap.path(), "KVM_HostedAccessPoint", "Antecedent"))
        .containsExactly(m.instances(HostModel.VIRT, "KVM_HostSystem").get(0).path().toString());
    assertThat(around(m, service.path(), "KVM_ElementCapabilities", "Capabilities"))
        .containsExactly(
            "KVM_ConsoleRedirectionServiceCapabilities.InstanceID=\"ConsoleRedirectionCapabilities\"");
  }

  @Test
  void aShutOffDomainsConsolesAreInactiveAndSpiceIsOther() {
    ConsoleInstances consoles = new ConsoleInstances(REPO, "KVM");
    DomainSnapshot withSpice =
        CimFixtures.domain("off", DomainState.SHUTOFF, 1)
            .devices(
                List.of(
                    new DeviceInfo("graphics", "spice", "", "", -1, -1, "127.0.0.1"),
                    new DeviceInfo("graphics", "vnc", "", "", -1, 5907, "127.0.0.1")))
            .build();
    assertThat(consoles.accessPoints(withSpice))
        .extracting(i -> i.get("Name"), i -> i.get("KVMProtocol"), i -> i.get("EnabledState"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("-1:-1", 1L, 3L),
            org.assertj.core.groups.Tuple.tuple("5907:-1", 4L, 3L));
  }
}
