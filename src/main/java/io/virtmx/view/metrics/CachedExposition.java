/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The libvirt families of the latest snapshots of every host, as the bytes a scrape sends: each
 * host's series lines (rendered once per snapshot and shared by both formats), and per format the
 * families' headers between them, deflated at most once, so that scrapes between two snapshots only
 * hand out the same arrays.
 *
 * <p>A body is a list of arrays of at most {@link ByteChunks#MAX_CHUNK} bytes, never one large
 * array. The OpenMetrics body has no final {@code # EOF}, which the handler writes after the rest
 * of the registry. The deflated body is raw deflate ending in a sync flush, so more deflate blocks
 * can follow it.
 */
final class CachedExposition {
  private final List<Map<Family, List<byte[]>>> hosts;
  private final Map<Boolean, Body> bodies = new ConcurrentHashMap<>();

  /** One format's body: its parts and their total length, and their raw deflate form once asked. */
  static final class Body {
    final List<byte[]> parts;
    final long length;
    private volatile List<byte[]> deflated;

    Body(List<byte[]> parts) {
      this.parts = List.copyOf(parts);
      long n = 0;
      for (byte[] p : parts) {
        n += p.length;
      }
      this.length = n;
    }

    List<byte[]> deflated() {
      List<byte[]> d = deflated;
      if (d == null) {
        ByteChunks out = new ByteChunks(16 << 10);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
          // flush() ends with a sync flush and no final block; closing would add one.
          DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 13, true);
          for (byte[] p : parts) {
            z.write(p);
          }
          z.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          deflater.end();
        }
        d = List.copyOf(out.chunks());
        deflated = d;
      }
      return d;
    }
  }

  /**
   * @param hosts each host's lines by family, in the order the hosts are to be listed
   */
  CachedExposition(List<Map<Family, List<byte[]>>> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  Body body(boolean openMetrics) {
    return bodies.computeIfAbsent(openMetrics, this::assemble);
  }

  /** Every family with series, by name: its header, then each host's lines. */
  private Body assemble(boolean openMetrics) {
    List<byte[]> parts = new ArrayList<>();
    for (Family f : SnapshotCollector.FAMILIES) {
      boolean headed = false;
      for (Map<Family, List<byte[]>> host : hosts) {
        List<byte[]> lines = host.get(f);
        if (lines != null && !lines.isEmpty()) {
          if (!headed) {
            parts.add(f.header(openMetrics));
            headed = true;
          }
          parts.addAll(lines);
        }
      }
    }
    return new Body(parts);
  }
}
