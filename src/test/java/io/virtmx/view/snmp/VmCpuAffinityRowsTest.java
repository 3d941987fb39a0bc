/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.DomainVcpus;
import io.virtmx.model.Snapshots;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

class VmCpuAffinityRowsTest {
  private static final Variable ENABLE = new Integer32(1);
  private static final Variable DISABLE = new Integer32(2);

  @Test
  void everyCurrentVcpuAgainstEveryHostCpu() {
    DomainVcpus vcpus = Snapshots.domain("d").vcpus(2, 3).pin(1, 0, 2).pin(2, 1).build().vcpus();
    Map<OID, Variable> out = new TreeMap<>();

    assertThat(VmCpuAffinityRows.render(vcpus, 7, 3, 100, out)).isEqualTo(6);

    assertThat(out)
        .containsExactly(
            Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.7.1.1"), ENABLE),
            Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.7.1.2"), ENABLE),
            Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.7.1.3"), ENABLE),
            Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.7.2.1"), ENABLE),
            Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.7.2.2"), DISABLE),
            Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.7.2.3"), ENABLE));
  }

  @Test
  void aDomainWhoseCellsExceedTheBudgetIsLeftOutWhole() {
    DomainVcpus vcpus = Snapshots.domain("d").vcpus(2, 2).build().vcpus();
    Map<OID, Variable> out = new TreeMap<>();

    assertThat(VmCpuAffinityRows.render(vcpus, 1, 4, 7, out)).isZero();
    assertThat(out).isEmpty();
  }

  @Test
  void withoutTheHostsCpuCountOnlyThePinnedCpusAreListed() {
    DomainVcpus vcpus = Snapshots.domain("d").vcpus(2, 2).pin(1, 3).build().vcpus();
    Map<OID, Variable> out = new TreeMap<>();

    assertThat(VmCpuAffinityRows.render(vcpus, 1, -1, 100, out)).isEqualTo(1);

    assertThat(out).containsExactly(Map.entry(new OID("1.3.6.1.2.1.236.1.6.1.3.1.2.4"), ENABLE));
  }
}
