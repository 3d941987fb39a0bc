/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

/**
 * CRC-32 (gzip's) of two byte sequences put together, from the CRC of each and the second one's
 * length, so that a gzip trailer can be written for bytes that are only kept compressed. The CRC of
 * the first is carried through the second's length of zero bits by a 32×32 matrix over GF(2)
 * (squared for each doubling of the length), then the second's CRC is added.
 */
final class Crc32 {
  private static final int POLYNOMIAL = 0xedb88320; // reflected, as java.util.zip.CRC32 uses it

  private Crc32() {}

  static int combine(int first, int second, long secondLength) {
    if (secondLength <= 0) {
      return first ^ second;
    }
    int[] odd = new int[32]; // the operator for one zero bit
    int[] even = new int[32];
    odd[0] = POLYNOMIAL;
    for (int n = 1; n < 32; n++) {
      odd[n] = 1 << (n - 1);
    }
    square(even, odd); // two zero bits
    square(odd, even); // four
    int crc = first;
    long length = secondLength;
    while (true) {
      square(even, odd); // 8, 32, 128… zero bits: one zero byte, four, sixteen…
      if ((length & 1) != 0) {
        crc = times(even, crc);
      }
      length >>>= 1;
      if (length == 0) {
        break;
      }
      square(odd, even);
      if ((length & 1) != 0) {
        crc = times(odd, crc);
      }
      length >>>= 1;
      if (length == 0) {
        break;
      }
    }
    return crc ^ second;
  }

  private static int times(int[] matrix, int vector) {
    int sum = 0;
    for (int i = 0; vector != 0; i++, vector >>>= 1) {
      if ((vector & 1) != 0) {
        sum ^= matrix[i];
      }
    }
    return sum;
  }

  private static void square(int[] result, int[] matrix) {
    for (int n = 0; n < 32; n++) {
      result[n] = times(matrix, matrix[n]);
    }
  }
}
