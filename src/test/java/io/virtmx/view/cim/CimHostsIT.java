/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.Await;
import io.virtmx.testbed.TestBedEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Both test-bed hosts through one CIM server at once: qemu:///system in root/virt and
 * root/virt/HOST, hv2 (qemu+tcp with SASL) in root/virt/hv2, each with its own guest under
 * libvirt-cim's keys; read-only, so the guests need no lock.
 */
class CimHostsIT {
  @Test
  void everyWatchedHostInItsNamespace() throws Exception {
    TestBedEnv bed = TestBedEnv.get();
    Path dir = Files.createTempDirectory("vmx-cim-hosts");
    try (CimClients cim =
        CimClients.start(
            dir,
            "--connect",
            bed.hostUri(),
            "--connect",
            bed.hv2TcpUri(),
            "--credentials",
            bed.credentialsFile())) {
      String first = "root/virt:KVM_ComputerSystem";
      String own = "root/virt/" + bed.hostName() + ":KVM_ComputerSystem";
      String hv2 = "root/virt/" + bed.hv2Name() + ":KVM_ComputerSystem";
      // the hosts' first collections are spread over one interval: hv2's snapshot may come later
      Await.untilAnswers(
          "wbemcli lists hv2's guest in its namespace",
          () -> cim.wbemcli("bob", "ein", hv2).stdout(),
          out -> out.contains(bed.guest2()),
          AgentProcess.STARTUP);
      List<String> inFirst = CimClients.values(cim.wbemcli("bob", "ei", first).stdout(), "Name");
      List<String> inOwn = CimClients.values(cim.wbemcli("bob", "ei", own).stdout(), "Name");
      List<String> inHv2 = CimClients.values(cim.wbemcli("bob", "ei", hv2).stdout(), "Name");
      assertThat(inFirst).contains(bed.guest1()).doesNotContain(bed.guest2());
      assertThat(inOwn).contains(bed.guest1()).doesNotContain(bed.guest2());
      assertThat(inHv2).contains(bed.guest2()).doesNotContain(bed.guest1());

      WBEMClient c = cim.client(CimClients.BOB);
      List<CIMInstance> hosts =
          CimClients.all(
              c.enumerateInstances(
                  cim.path("root/virt/" + bed.hv2Name(), "KVM_HostSystem"),
                  true,
                  false,
                  false,
                  null));
      assertThat(hosts).hasSize(1);
      assertThat(hosts.get(0).getObjectPath().getKey("CreationClassName").getValue())
          .isEqualTo("KVM_HostSystem");
      List<Object> namespaces =
          CimClients.all(
                  c.enumerateInstances(
                      cim.path("root/interop", "CIM_Namespace"), true, false, false, null))
              .stream()
              .map(i -> i.getPropertyValue("Name"))
              .toList();
      assertThat(namespaces)
          .contains(
              "root/interop",
              "root/virt",
              "root/virt/" + bed.hostName(),
              "root/virt/" + bed.hv2Name());
      assertThat(cim.wbemcli("bob", "ein", "root/virt/nosuchhost:KVM_ComputerSystem").stderr())
          .contains("CIM_ERR_INVALID_NAMESPACE");
    } finally {
      CimClients.deleteTree(dir);
    }
  }
}
