/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.DomainVcpus;
import io.virtmx.model.VcpuPin;
import java.util.Map;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * VM-MIB's {@code vmCpuAffinityTable} of one domain: for each current vCPU ({@code vmCpuIndex} =
 * vCPU number + 1) and each host CPU ({@code vmCpuPhysIndex} = host CPU number + 1), {@code
 * vmCpuAffinity} enable(1) when the vCPU may run there, else disable(2).
 */
final class VmCpuAffinityRows {
  static final OID AFFINITY_ENTRY = new OID("1.3.6.1.2.1.236.1.6.1");
  static final int COL_AFFINITY = 3;
  private static final Integer32 ENABLE = new Integer32(1);
  private static final Integer32 DISABLE = new Integer32(2);

  private VmCpuAffinityRows() {}

  /**
   * The rows of a domain on a host with {@code hostCpus} CPUs; when that number is not known, only
   * the enabled host CPUs of pinned vCPUs (an unpinned vCPU's set is then not known).
   */
  static void render(DomainVcpus vcpus, int vmIndex, int hostCpus, Map<OID, Variable> out) {
    int count = Math.max(0, vcpus.current());
    for (int vcpu = 0; vcpu < count; vcpu++) {
      if (hostCpus > 0) {
        for (int cpu = 0; cpu < hostCpus; cpu++) {
          out.put(cell(vmIndex, vcpu, cpu), vcpus.mayRunOn(vcpu, cpu) ? ENABLE : DISABLE);
        }
      } else {
        for (VcpuPin pin : vcpus.pin(vcpu).stream().toList()) {
          for (int cpu : pin.hostCpus()) {
            out.put(cell(vmIndex, vcpu, cpu), ENABLE);
          }
        }
      }
    }
  }

  static OID cell(int vmIndex, int vcpu, int hostCpu) {
    return new OID(AFFINITY_ENTRY)
        .append(COL_AFFINITY)
        .append(vmIndex)
        .append(vcpu + 1)
        .append(hostCpu + 1);
  }
}
