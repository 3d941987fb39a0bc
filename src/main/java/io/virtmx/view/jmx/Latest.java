/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The latest version of the one object an MBean stands for, looked up in the store on every read;
 * the last version seen once the object is gone (until the registry unregisters the MBean). The
 * registry shows it every snapshot's version, so it never holds an object of an older snapshot.
 */
final class Latest<T> {
  private final Supplier<Optional<T>> lookup;
  private volatile T last;

  Latest(T initial, Supplier<Optional<T>> lookup) {
    this.lookup = lookup;
    this.last = initial;
  }

  /** The object's version in the snapshot just published. */
  void seen(T current) {
    last = current;
  }

  T get() {
    lookup.get().ifPresent(t -> last = t);
    return last;
  }
}
