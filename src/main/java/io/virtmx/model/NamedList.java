/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list of a host's objects (domains, pools, networks) that also finds one by name in
 * one lookup, so a view reading one object of a thousand never scans. Built once with the snapshot
 * that holds it; a snapshot copied with the same list keeps the same index.
 */
final class NamedList<T> extends AbstractList<T> implements RandomAccess {
  private final List<T> items;
  private final Map<String, T> byName;

  private NamedList(List<T> items, Function<T, String> name) {
    this.items = List.copyOf(items);
    this.byName = new HashMap<>(this.items.size() * 2);
    for (T item : this.items) {
      byName.putIfAbsent(name.apply(item), item);
    }
  }

  static <T> List<T> of(List<T> items, Function<T, String> name) {
    return items instanceof NamedList<T> named ? named : new NamedList<>(items, name);
  }

  /** The item of that name in a list made by {@link #of}, if there is one. */
  static <T> Optional<T> find(List<T> list, String name) {
    return Optional.ofNullable(((NamedList<T>) list).byName.get(name));
  }

  @Override
  public T get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }
}
