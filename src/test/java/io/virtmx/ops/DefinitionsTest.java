/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A created pool's directory stays inside the disk dirs; network XML comes from checked values. */
class DefinitionsTest {
  @TempDir Path root;

  @Test
  void aPoolDirectoryMustLieStrictlyInsideADiskDir() throws Exception {
    Path disks = Files.createDirectory(root.resolve("disks"));
    Path outside = Files.createDirectory(root.resolve("etc"));
    ConfinedPaths dirs = ConfinedPaths.of("--disk-dir", List.of(disks));
    ConfinedPaths.Check fresh = dirs.checkDirectory(disks + "/pool1");
    assertThat(fresh.allowed()).isTrue();
    assertThat(fresh.path()).isEqualTo(disks.toRealPath().resolve("pool1"));
    assertThat(dirs.checkDirectory(disks.toString()).refusal()).contains("is outside every --disk-dir");
    assertThat(dirs.checkDirectory(outside + "/pool").refusal()).contains("is outside every --disk-dir");
    assertThat(dirs.checkDirectory(disks + "/../etc").refusal()).contains("must not contain '..'");
    assertThat(dirs.checkDirectory("pool").refusal()).contains("must be absolute");
    Files.createSymbolicLink(disks.resolve("out"), outside);
    assertThat(dirs.checkDirectory(disks + "/out").allowed()).isFalse();
    Files.writeString(disks.resolve("file"), "x");
    assertThat(dirs.checkDirectory(disks + "/file").refusal()).contains("is not a directory");
    assertThat(ConfinedPaths.none("--disk-dir").checkDirectory("/x/y").refusal())
        .contains("no --disk-dir is configured");
  }

  @Test
  void networkXmlIsWrittenFromTheCheckedValues() {
    assertThat(
            Definitions.networkXml(
                "n1", Definitions.Forward.NAT, "", "198.18.5.1", "255.255.255.0", true, "198.18.5.10", "198.18.5.20"))
        .isEqualTo(
            "<network><name>n1</name><forward mode='nat'/><ip address='198.18.5.1'"
                + " netmask='255.255.255.0'><dhcp><range start='198.18.5.10' end='198.18.5.20'/>"
                + "</dhcp></ip></network>");
    assertThat(
            Definitions.networkXml(
                "n2", Definitions.Forward.NONE, "", "198.18.6.1", "255.255.255.0", false, null, null))
        .isEqualTo(
            "<network><name>n2</name><ip address='198.18.6.1' netmask='255.255.255.0'></ip></network>");
    assertThat(
            Definitions.networkXml(
                "n3", Definitions.Forward.BRIDGE, "br0", null, null, false, null, null))
        .isEqualTo("<network><name>n3</name><forward mode='bridge'/><bridge name='br0'/></network>");
  }
}
