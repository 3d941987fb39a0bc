/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Combined CRCs equal the JDK's CRC-32 of the concatenation, for any lengths. */
class Crc32Test {

  @Test
  void combinedIsTheCrcOfBothTogether() {
    Random random = new Random(12);
    for (int lengthA : new int[] {0, 1, 7, 1000}) {
      for (int lengthB : new int[] {0, 1, 2, 3, 255, 4096, 100_003}) {
        byte[] a = new byte[lengthA];
        byte[] b = new byte[lengthB];
        random.nextBytes(a);
        random.nextBytes(b);
        byte[] both = Arrays.copyOf(a, lengthA + lengthB);
        System.arraycopy(b, 0, both, lengthA, lengthB);
        assertThat(Crc32.combine(crc(a), crc(b), lengthB))
            .as("%d + %d bytes", lengthA, lengthB)
            .isEqualTo(crc(both));
      }
    }
  }

  private static int crc(byte[] bytes) {
    CRC32 c = new CRC32();
    c.update(bytes);
    return (int) c.getValue();
  }
}
