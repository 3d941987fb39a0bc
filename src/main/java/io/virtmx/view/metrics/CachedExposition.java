/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.virtmx.view.http.StreamedBody;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

/**
 * The libvirt families of the latest snapshots of every host, kept only compressed: each host's
 * series lines as rendered once per snapshot (shared by both formats), and per format the families'
 * headers between them. A gzip scrape sends these deflate blocks as they are; a plain scrape
 * inflates them while the answer is written ({@link InflatingBody}), so no scrape needs the whole
 * plain exposition in memory, or any array larger than {@link ByteChunks#MAX_CHUNK}.
 *
 * <p>The OpenMetrics body has no final {@code # EOF}, which the handler writes after the rest of
 * the registry.
 */
final class CachedExposition {
  private static final Map<Family, DeflatedLines> TEXT_HEADERS = headers(false);
  private static final Map<Family, DeflatedLines> OPENMETRICS_HEADERS = headers(true);

  private final List<Map<Family, DeflatedLines>> hosts;
  private final Map<Boolean, Body> bodies = new ConcurrentHashMap<>();

  /**
   * One format's body: its pieces in order, with the length and CRC-32 of their plain bytes.
   */
  static final class Body {
    final List<byte[]> deflated;
    final long length;
    final int crc;

    Body(List<DeflatedLines> pieces) {
      List<byte[]> all = new ArrayList<>();
      long n = 0;
      int c = 0;
      for (DeflatedLines p : pieces) {
        all.addAll(p.deflated());
        c = Crc32.combine(c, p.crc(), p.length());
        n += p.length();
      }
      this.deflated = List.copyOf(all);
      this.length = n;
      this.crc = c;
    }

    /** The plain body followed by {@code tail}, inflated while it is written. */
    StreamedBody plain(byte[] tail) {
      return new InflatingBody(deflated, length, tail);
    }
  }

  /**
   * @param hosts each host's lines by family, in the order the hosts are to be listed
   */
  CachedExposition(List<Map<Family, DeflatedLines>> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  Body body(boolean openMetrics) {
    return bodies.computeIfAbsent(openMetrics, this::assemble);
  }

  /** Every family with series, by name: its header, then each host's lines. */
  private Body assemble(boolean openMetrics) {
    Map<Family, DeflatedLines> headers = openMetrics ? OPENMETRICS_HEADERS : TEXT_HEADERS;
    List<DeflatedLines> pieces = new ArrayList<>();
    for (Family f : SnapshotCollector.FAMILIES) {
      boolean headed = false;
      for (Map<Family, DeflatedLines> host : hosts) {
        DeflatedLines lines = host.get(f);
        if (lines != null && lines.length() > 0) {
          if (!headed) {
            pieces.add(headers.get(f));
            headed = true;
          }
          pieces.add(lines);
        }
      }
    }
    return new Body(pieces);
  }

  private static Map<Family, DeflatedLines> headers(boolean openMetrics) {
    Map<Family, DeflatedLines> all = new IdentityHashMap<>();
    Deflater deflater = DeflatedLines.deflater();
    try {
      for (Family f : SnapshotCollector.FAMILIES) {
        all.put(f, DeflatedLines.of(List.of(f.header(openMetrics)), deflater));
      }
    } finally {
      deflater.end();
    }
    return all;
  }
}
