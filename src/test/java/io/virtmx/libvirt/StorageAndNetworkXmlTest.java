/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class StorageAndNetworkXmlTest {

  @Test
  void parsesThePool() {
    assertThat(PoolXml.parse(Fixtures.xml("pool-default.xml")))
        .isEqualTo(new PoolDescription("dir", "/default-pool"));
  }

  @Test
  void poolWithoutTargetHasNoPath() {
    assertThat(
            PoolXml.parse(
                "<pool type='rbd'><name>ceph</name><source><name>rbd</name></source></pool>"))
        .isEqualTo(new PoolDescription("rbd", ""));
  }

  @Test
  void parsesTheVolume() {
    assertThat(VolumeXml.parse(Fixtures.xml("volume-disk1.xml")))
        .isEqualTo(new VolumeDescription("file", "/default-pool/disk1.qcow2", "qcow2"));
  }

  @Test
  void volumeIgnoresItsBackingStore() {
    String xml =
        """
        <volume type='file'>
          <backingStore><path>/base.raw</path><format type='raw'/></backingStore>
          <target><path>/top.qcow2</path><format type='qcow2'/><permissions><mode>0600</mode></permissions></target>
        </volume>""";

    assertThat(VolumeXml.parse(xml))
        .isEqualTo(new VolumeDescription("file", "/top.qcow2", "qcow2"));
  }

  @Test
  void parsesTheNetwork() {
    assertThat(NetworkXml.parse(Fixtures.xml("network-default.xml")))
        .isEqualTo(new NetworkDescription("virbr0", "nat"));
  }

  @Test
  void forwardWithoutModeIsNatAndNoForwardIsIsolated() {
    assertThat(
            NetworkXml.parse("<network><forward/><bridge name='virbr1'/></network>").forwardMode())
        .isEqualTo("nat");
    assertThat(NetworkXml.parse("<network><bridge name='virbr2'/></network>"))
        .isEqualTo(new NetworkDescription("virbr2", "isolated"));
    assertThat(
            NetworkXml.parse("<network><forward mode='bridge'/><bridge name='br0'/></network>")
                .forwardMode())
        .isEqualTo("bridge");
  }

  @Test
  void errorsNameTheKindOfDescription() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PoolXml.parse("<pool>"))
        .withMessageStartingWith("invalid pool XML: ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> VolumeXml.parse("<pool/>"))
        .withMessageStartingWith("invalid volume XML: root element is <pool>, expected <volume>");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NetworkXml.parse("<network><bridge></network>"))
        .withMessageStartingWith("invalid network XML: ");
  }
}
