/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.virtmx.model.VcpuPin;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VcpuPinXmlTest {

  @Test
  void vcpupinWinsOverTheDomainWideCpusetWhichCoversTheOthers() {
    DomainDescription d = DomainXml.parse(Fixtures.xml("domain-pinned.xml"));

    assertThat(d.vcpuPinning())
        .containsExactly(
            new VcpuPin(0, List.of(0, 1, 3, 4, 5)),
            new VcpuPin(1, List.of(0)),
            new VcpuPin(2, List.of(0, 1, 3, 4, 5)),
            new VcpuPin(3, List.of(6, 7, 9)));
    assertThat(d.vcpuPinning().get(3).cpuList()).isEqualTo("6-7,9");
    assertThat(d.vcpuPinning().get(0).cpuList()).isEqualTo("0-1,3-5");
  }

  @Test
  void aDomainWithoutPinningHasNone() {
    assertThat(DomainXml.parse(Fixtures.xml("domain-qemu.xml")).vcpuPinning()).isEmpty();
  }

  @Test
  void readsLibvirtsCpusetSyntax() {
    assertThat(VcpuPinXml.cpuset("")).isEmpty();
    assertThat(VcpuPinXml.cpuset("3")).containsExactly(3);
    assertThat(VcpuPinXml.cpuset(" 0-2 , 8,^1")).containsExactly(0, 2, 8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "-1", "3-1", "0-99999", "^x", "1-"})
  void refusesWhatIsNotACpuset(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> VcpuPinXml.cpuset(text));
  }

  @Test
  void aBadCpusetInADescriptionIsAnInvalidDescription() {
    String xml =
        "<domain type='kvm'><name>x</name><vcpu cpuset='0-'>2</vcpu></domain>";
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DomainXml.parse(xml))
        .withMessageContaining("<vcpu cpuset>");
  }
}
