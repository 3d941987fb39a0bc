/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.HostSnapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one collection pass over one host shares between its collectors: the connection, the
 * previous snapshot, a pool for per-object calls that may run in parallel, whether it is a one-shot
 * collection, and the error counts by kind.
 */
final class CollectionContext {
  private final NativeConnect connection;
  private final HostSnapshot previous;
  private final ExecutorService workers;
  private final boolean oneShot;
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  CollectionContext(NativeConnect connection, HostSnapshot previous, ExecutorService workers) {
    this(connection, previous, workers, false);
  }

  CollectionContext(
      NativeConnect connection, HostSnapshot previous, ExecutorService workers, boolean oneShot) {
    this.connection = connection;
    this.previous = previous;
    this.workers = workers;
    this.oneShot = oneShot;
  }

  /**
   * Whether this collection is all there will be ({@code --once}): what is gathered apart from the
   * statistics (guest agents) is awaited rather than left to the next collection.
   */
  boolean oneShot() {
    return oneShot;
  }

  NativeConnect connection() {
    return connection;
  }

  /** The last published snapshot of this host, or null before the first collection. */
  HostSnapshot previous() {
    return previous;
  }

  ExecutorService workers() {
    return workers;
  }

  /** Counts one error of a kind such as "domain", "pool", "network", "node", "timeout". */
  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** Errors counted so far, of every kind. */
  long errorCount() {
    long n = 0;
    for (LongAdder a : errors.values()) {
      n += a.sum();
    }
    return n;
  }

  Map<String, Long> errors() {
    Map<String, Long> out = new java.util.TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
