/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The writer the binders render one host's snapshot with: each {@code value(family, labels, v)}
 * becomes one exposition line, e.g. {@code libvirt_domain_state_code{domain="web",host="hv1",uuid="…"}
 * 1.0}, appended to that family's bytes; no object per series outlives the line. Values libvirt did
 * not report (-1 counters, NaN rates) are left out rather than exposed as fake numbers.
 *
 * <p>The lines are the same in the text format and in OpenMetrics (only the families' headers
 * differ, see {@link CachedExposition}), so one rendering serves both; they are kept compressed
 * ({@link DeflatedLines}), deflated every {@link #BLOCK} bytes of a family while rendering, so a
 * rendering never holds the plain exposition either.
 */
final class SeriesBuffer implements AutoCloseable {
  /** Plain bytes of a family deflated as one piece: what a rendering holds uncompressed at most. */
  static final int BLOCK = 32 << 10;

  private final HostSnapshot snapshot;
  private final Map<Family, Lines> lines = new IdentityHashMap<>();
  private final Map<String, Labels> domainLabels = new HashMap<>();
  private List<DomainSnapshot> domains;

  private Deflater deflater;

  /** One family's name as written on each line, its lines not yet deflated, and its pieces. */
  private record Lines(byte[] name, ByteChunks bytes, List<DeflatedLines> pieces) {}

  SeriesBuffer(HostSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  String host() {
    return snapshot.host();
  }

  /** The host's domains by name, so that each family lists them in that order. */
  List<DomainSnapshot> domains() {
    if (domains == null) {
      domains =
          snapshot.domains().stream()
              .sorted(Comparator.comparing(DomainSnapshot::name).thenComparing(DomainSnapshot::uuid))
              .toList();
    }
    return domains;
  }

  /** {@code host} plus the given label pairs. */
  Labels labels(String... pairs) {
    String[] all = new String[pairs.length + 2];
    all[0] = "host";
    all[1] = snapshot.host();
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    return Labels.of(all);
  }

  /**
   * The labels every series of a domain has, {host, domain, uuid}: made once per domain and
   * shared.
   */
  Labels domain(DomainSnapshot d) {
    return domainLabels.computeIfAbsent(d.uuid(), u -> labels("domain", d.name(), "uuid", u));
  }

  /** Adds a value unless it is NaN (unknown), or negative for a counter. */
  void value(Family family, Labels labels, double value) {
    if (Double.isNaN(value) || (family.kind() == Family.Kind.COUNTER && value < 0)) {
      return;
    }
    Lines l = lines.computeIfAbsent(family, SeriesBuffer::start);
    ByteChunks out = l.bytes();
    out.write(l.name(), 0, l.name().length);
    if (labels.size() > 0) {
      out.write('{');
      for (int i = 0; i < labels.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.ascii(labels.name(i));
        out.write('=');
        out.write('"');
        out.escaped(labels.value(i));
        out.write('"');
      }
      out.write('}');
    }
    out.write(' ');
    if (family.kind() == Family.Kind.INFO) {
      out.write('1');
    } else {
      number(out, value);
    }
    out.write('\n');
    if (out.size() >= BLOCK) {
      deflate(l);
    }
  }

  /** Moves a family's plain lines into one more deflated piece. */
  private void deflate(Lines l) {
    if (deflater == null) {
      deflater = DeflatedLines.deflater();
    }
    l.pieces().add(DeflatedLines.of(l.bytes().chunks(), deflater));
    l.bytes().clear();
  }

  /** A number as the Prometheus client writes it: {@code Double.toString}, or +Inf/-Inf. */
  private static void number(ByteChunks out, double v) {
    if (v == Double.POSITIVE_INFINITY) {
      out.ascii("+Inf");
    } else if (v == Double.NEGATIVE_INFINITY) {
      out.ascii("-Inf");
    } else {
      out.ascii(Double.toString(v));
    }
  }

  private static Lines start(Family f) {
    return new Lines(
        f.exposedName().getBytes(StandardCharsets.US_ASCII),
        new ByteChunks(256),
        new ArrayList<>());
  }

  /** Adds {@code raw * scale} unless {@code raw} is -1 (or any negative value: not reported). */
  void reported(Family family, Labels labels, long raw, double scale) {
    if (raw >= 0) {
      value(family, labels, raw * scale);
    }
  }

  /** Adds a nanosecond count as seconds (divided, so that whole seconds stay exact), unless -1. */
  void nanosAsSeconds(Family family, Labels labels, long nanos) {
    if (nanos >= 0) {
      value(family, labels, nanos / 1e9);
    }
  }

  void info(Family family, Labels labels) {
    value(family, labels, 1);
  }

  /** The lines written, family by family, compressed (the plain lines are dropped). */
  Map<Family, DeflatedLines> series() {
    Map<Family, DeflatedLines> all = new IdentityHashMap<>(lines.size() * 2);
    lines.forEach(
        (f, l) -> {
          if (l.bytes().size() > 0) {
            deflate(l);
          }
          all.put(f, DeflatedLines.concat(l.pieces()));
        });
    return all;
  }

  /** Frees the deflater (native memory). */
  @Override
  public void close() {
    if (deflater != null) {
      deflater.end();
      deflater = null;
    }
  }
}
