/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A family and how its value is read from one model object, said in one place, e.g. a disk's bytes
 * read: {@code Measured.counter(P + "read_bytes", "bytes", Descriptions.DISK_READ_BYTES + ", in
 * bytes.", (DiskStats d) -> d.io().readBytes())}. A value libvirt did not report (a raw -1, a NaN
 * rate) gives no series.
 */
record Measured<T>(Family family, ToDoubleFunction<T> value) {

  static <T> Measured<T> gauge(String name, String unit, String help, ToLongFunction<T> raw) {
    return new Measured<>(Family.gauge(name, unit, help), reported(raw));
  }

  static <T> Measured<T> counter(String name, String unit, String help, ToLongFunction<T> raw) {
    return new Measured<>(Family.counter(name, unit, help), reported(raw));
  }

  /** A gauge of a value that is already a double (a percentage, a rate; NaN when unknown). */
  static <T> Measured<T> gaugeOf(String name, String unit, String help, ToDoubleFunction<T> v) {
    return new Measured<>(Family.gauge(name, unit, help), v);
  }

  /** A counter in seconds of a nanosecond count (divided, so that whole seconds stay exact). */
  static <T> Measured<T> seconds(String name, String help, ToLongFunction<T> nanos) {
    return new Measured<>(
        Family.counter(name, "seconds", help),
        o -> {
          long ns = nanos.applyAsLong(o);
          return ns < 0 ? Double.NaN : ns / 1e9;
        });
  }

  /** The object's series of this family, if it has a value. */
  void write(SeriesBuffer out, Labels labels, T object) {
    out.value(family, labels, value.applyAsDouble(object));
  }

  static <T> List<Family> families(List<Measured<T>> all) {
    return all.stream().map(Measured::family).toList();
  }

  private static <T> ToDoubleFunction<T> reported(ToLongFunction<T> raw) {
    return o -> {
      long r = raw.applyAsLong(o);
      return r < 0 ? Double.NaN : r;
    };
  }
}
