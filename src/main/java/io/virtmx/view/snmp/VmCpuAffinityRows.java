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
  /**
   * Most cells served per snapshot (about 8 MiB of map): 1000 domains of 4 vCPUs on a 16-CPU host
   * fit, larger products would cost the agent's heap; domains past it are left out whole.
   */
  static final int MAX_CELLS = 65_536;

  private static final Integer32 ENABLE = new Integer32(1);
  private static final Integer32 DISABLE = new Integer32(2);

  private VmCpuAffinityRows() {}

  /**
   * The rows of a domain on a host with {@code hostCpus} CPUs, if they fit in {@code budget} cells
   * (else none); when the CPU count is not known, only the enabled host CPUs of pinned vCPUs (an
   * unpinned vCPU's set is then not known). Returns the cells written.
   */
  static int render(
      DomainVcpus vcpus, int vmIndex, int hostCpus, int budget, Map<OID, Variable> out) {
    int count = Math.max(0, vcpus.current());
    long cells = hostCpus > 0 ? (long) count * hostCpus : pinnedCells(vcpus, count);
    if (cells > budget) {
      return 0;
    }
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
    return (int) cells;
  }

  private static long pinnedCells(DomainVcpus vcpus, int count) {
    return vcpus.pinning().stream()
        .filter(p -> p.vcpu() < count)
        .mapToLong(p -> p.hostCpus().size())
        .sum();
  }

  static OID cell(int vmIndex, int vcpu, int hostCpu) {
    return new OID(AFFINITY_ENTRY)
        .append(COL_AFFINITY)
        .append(vmIndex)
        .append(vcpu + 1)
        .append(hostCpu + 1);
  }
}
