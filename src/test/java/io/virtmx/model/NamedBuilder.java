/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * A builder of a named libvirt object (domain, pool, network) whose uuid is "uuid-NAME" unless set.
 */
abstract class NamedBuilder<B extends NamedBuilder<B>> extends SnapshotBuilder<B> {
  final String name;
  String uuid;

  NamedBuilder(String name) {
    this.name = name;
    this.uuid = "uuid-" + name;
  }

  public B uuid(String value) {
    return set(() -> uuid = value);
  }
}
