/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MemoryUnitTest {

  @Test
  void scalesEveryPrefixBothWays() {
    assertThat(MemoryUnit.bytesPerUnit("PB")).isEqualTo(1_000_000_000_000_000L);
    assertThat(MemoryUnit.bytesPerUnit("P")).isEqualTo(1L << 50);
    assertThat(MemoryUnit.bytesPerUnit("EB")).isEqualTo(1_000_000_000_000_000_000L);
    assertThat(MemoryUnit.bytesPerUnit("eib")).isEqualTo(1L << 60);
    assertThat(MemoryUnit.bytesPerUnit("byte")).isEqualTo(1);
  }

  @Test
  void roundsUpToWholeKib() {
    assertThat(MemoryUnit.toKib(1, "b")).isEqualTo(1);
    assertThat(MemoryUnit.toKib(0, "b")).isZero();
    assertThat(MemoryUnit.toKib(2048, "bytes")).isEqualTo(2);
  }

  @Test
  void rejectsUnknownUnitsAndOverflow() {
    assertThatIllegalArgumentException().isThrownBy(() -> MemoryUnit.bytesPerUnit("KiBB"));
    assertThatIllegalArgumentException().isThrownBy(() -> MemoryUnit.bytesPerUnit("x"));
    assertThatIllegalArgumentException().isThrownBy(() -> MemoryUnit.toKib(Long.MAX_VALUE, "EB"));
  }
}
