/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.view.cim.schema.ClassRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RASDs embedded in resource indications carry only what their class defines, never a secret. */
class ResourceIndicationsTest {
  /** Our schema plus libvirt-cim's graphics RASD, which does define a Password. */
  private static final ClassRepository REPO =
      ClassRepository.load(
          "#pragma include (\"qualifiers.mof\")\n#pragma include (\"dmtf-subset.mof\")\n"
              + "#pragma include (\"virtmx-KVM.mof\")\n#pragma include (\"password.mof\")\n",
          name ->
              name.equals("password.mof")
                  ? "class Test_GraphicsResourceAllocationSettingData : KVM_ResourceAllocationSettingData {\n"
                      + "  string Address;\n  string Password;\n};\n"
                  : read("mibs-and-mof/" + name));

  private static String read(String resource) {
    try (InputStream in = ResourceIndicationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSentRasdKeepsItsClassesPropertiesButNoPasswordAndNothingElse() {
    CimInstance graphics =
        ResourceIndications.sent(
            REPO,
            "Test_GraphicsResourceAllocationSettingData",
            "vm1/vnc",
            Map.of("Address", "127.0.0.1:-1", "PASSWORD", "s3cret", "Rogue", "x"));
    assertThat(graphics.values())
        .containsEntry("Address", "127.0.0.1:-1")
        .containsEntry("InstanceID", "vm1/vnc")
        .doesNotContainKeys("Password", "PASSWORD", "Rogue")
        .doesNotContainValue("s3cret");
    CimInstance kvm =
        ResourceIndications.sent(
            REPO,
            "KVM_GraphicsResourceAllocationSettingData",
            "vm1/vnc",
            Map.of("KeyMap", "de", "Password", "s3cret"));
    assertThat(kvm.values()).containsEntry("KeyMap", "de").doesNotContainValue("s3cret");
  }
}
