/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static io.virtmx.view.cim.CimClients.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.testbed.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** VirtualSystemManagementService calls through the SBLIM client, as the management ITs make them. */
final class ManagementCalls {
  private ManagementCalls() {}

  static CIMObjectPath servicePath(CimClients agent, WBEMClient client) throws WBEMException {
    List<CIMObjectPath> names =
        all(
            client.enumerateInstanceNames(
                agent.path("root/virt", "KVM_VirtualSystemManagementService")));
    assertThat(names).hasSize(1);
    return names.get(0);
  }

  static String vssd(String name) {
    return "instance of KVM_VirtualSystemSettingData {\n  VirtualSystemIdentifier = \""
        + name
        + "\";\n};";
  }

  static CIMObjectPath rasdPath(String cls, String id) {
    return new CIMObjectPath(
        null, null, null, "root/virt", cls,
        new CIMProperty<?>[] {new CIMProperty<>("InstanceID", CIMDataType.STRING_T, id, true, false, null)});
  }

  /**
   * invokeMethod, again while the agent answers 503 "cim is busy: try again" (its CPU budget is
   * shared with the other helpers' load; such a request was not carried out).
   */
  static Object invoke(
      WBEMClient client, CIMObjectPath path, String method, CIMArgument<?>[] in, CIMArgument<?>[] out)
      throws WBEMException {
    Object[] answer = new Object[1];
    WBEMException[] refusal = new WBEMException[1];
    Await.until(
        method + " answered other than 503",
        () -> {
          try {
            answer[0] = client.invokeMethod(path, method, in, out);
            return true;
          } catch (WBEMException e) {
            refusal[0] = String.valueOf(e.getMessage()).contains("HTTP 503") ? null : e;
            return refusal[0] != null;
          }
        },
        Duration.ofSeconds(30));
    if (refusal[0] != null) {
      throw refusal[0];
    }
    return answer[0];
  }

  static boolean served(WBEMClient client, CimClients agent, String cls, String id)
      throws WBEMException {
    return all(client.enumerateInstances(agent.path("root/virt", cls), true, false, false, null))
        .stream()
        .anyMatch(i -> id.equals(i.getPropertyValue("InstanceID")));
  }

  /** AddResourceSettings of a disk file as {@code target}, the RASD as a CIM-XML instance. */
  static CIMObjectPath[] addDisk(
      WBEMClient client, CIMObjectPath service, String domain, Path file, String target)
      throws WBEMException {
    CIMInstance disk =
        new CIMInstance(
            new CIMObjectPath(null, null, null, "root/virt", "KVM_DiskResourceAllocationSettingData", null),
            new CIMProperty<?>[] {
              new CIMProperty<>("VirtualDevice", CIMDataType.STRING_T, target),
              new CIMProperty<>("Address", CIMDataType.STRING_T, file.toString())
            });
    CIMObjectPath vssd =
        new CIMObjectPath(null, null, null, "root/virt", "KVM_VirtualSystemSettingData",
            new CIMProperty<?>[] {
              new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "KVM:" + domain, true, false, null)
            });
    CIMArgument<?>[] out = new CIMArgument<?>[2];
    Object rc =
        invoke(client, service, "AddResourceSettings",
            new CIMArgument<?>[] {
              new CIMArgument<>("AffectedConfiguration", new CIMDataType("KVM_VirtualSystemSettingData"), vssd),
              new CIMArgument<>("ResourceSettings", CIMDataType.OBJECT_ARRAY_T, new CIMInstance[] {disk})
            },
            out);
    assertThat(rc).isEqualTo(new UnsignedInteger32(0));
    assertThat(out[0].getName()).isEqualTo("ResultingResourceSettings");
    return (CIMObjectPath[]) out[0].getValue();
  }

  /** RemoveResourceSettings of the disk RASD {@code DOMAIN/target}. */
  static void removeDisk(WBEMClient client, CIMObjectPath service, String domain, String target)
      throws WBEMException {
    Object rc =
        invoke(client, service, "RemoveResourceSettings",
            new CIMArgument<?>[] {
              new CIMArgument<>("ResourceSettings", new CIMDataType("KVM_DiskResourceAllocationSettingData", 0),
                  new CIMObjectPath[] {rasdPath("KVM_DiskResourceAllocationSettingData", domain + "/" + target)})
            },
            new CIMArgument<?>[1]);
    assertThat(rc).isEqualTo(new UnsignedInteger32(0));
  }
}
