/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A piece of the exposition kept only compressed: raw deflate ending in a sync flush (so pieces
 * put one after the other are one deflate stream), with the length and CRC-32 of its plain bytes
 * for the gzip trailer. About a seventh of the plain size for series lines.
 */
record DeflatedLines(List<byte[]> deflated, long length, int crc) {

  static DeflatedLines of(List<byte[]> plain, Deflater deflater) {
    deflater.reset();
    ByteChunks out = new ByteChunks(64);
    byte[] buffer = new byte[8 << 10];
    CRC32 crc = new CRC32();
    long length = 0;
    for (byte[] p : plain) {
      crc.update(p);
      length += p.length;
      deflater.setInput(p);
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
      }
    }
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
    return new DeflatedLines(List.copyOf(out.chunks()), length, (int) crc.getValue());
  }

  /** Pieces one after the other, as one. */
  static DeflatedLines concat(List<DeflatedLines> pieces) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    List<byte[]> all = new ArrayList<>();
    long length = 0;
    int crc = 0;
    for (DeflatedLines p : pieces) {
      all.addAll(p.deflated());
      crc = Crc32.combine(crc, p.crc(), p.length());
      length += p.length();
    }
    return new DeflatedLines(List.copyOf(all), length, crc);
  }

  /**
   * A deflater for {@link #of}: raw deflate at the fastest level, end it when done. On the
   * 1000-domain test node's 9.7 MB exposition: 1.49 MB in 62 ms of CPU, against 1.33 MB in 139 ms
   * at the default level; it runs for every new snapshot.
   */
  static Deflater deflater() {
    return new Deflater(Deflater.BEST_SPEED, true);
  }
}
