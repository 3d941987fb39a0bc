/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WqlEmbeddedTest {
  private static CimInstance cs(long state) {
    return new CimInstance(
        "KVM_ComputerSystem",
        new CimObjectPath(null, "KVM_ComputerSystem", List.of()),
        Map.of("Name", "vm1", "EnabledState", state));
  }

  private static CimInstance modified(long now, long before) {
    return new CimInstance(
        "KVM_ComputerSystemModifiedIndication",
        new CimObjectPath(null, "KVM_ComputerSystemModifiedIndication", List.of()),
        Map.of("SourceInstance", cs(now), "PreviousInstance", cs(before)));
  }

  @Test
  void propertiesOfEmbeddedInstancesAreCompared() {
    Wql q =
        new Wql(
            "SELECT * FROM KVM_ComputerSystemModifiedIndication"
                + " WHERE SourceInstance.EnabledState = 9 AND PreviousInstance.EnabledState <> 9");
    assertThat(q.className).isEqualTo("KVM_ComputerSystemModifiedIndication");
    assertThat(q.where.test(modified(9, 2))).isTrue();
    assertThat(q.where.test(modified(2, 9))).isFalse();
    assertThat(q.where.test(modified(9, 9))).isFalse();
    assertThat(new Wql("SELECT * FROM X WHERE SourceInstance.Nothing IS NULL").where.test(modified(9, 2)))
        .isTrue();
    assertThat(new Wql("SELECT * FROM X WHERE Missing.EnabledState = 9").where.test(modified(9, 2)))
        .isFalse();
  }
}
