/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

/**
 * Collects one kind of object from one open libvirt connection. Implementations do the libvirt I/O
 * and leave parsing to pure functions; they free every native object they obtain.
 */
@FunctionalInterface
interface Collector<T> {
  T collect(CollectionContext context) throws Exception;
}
