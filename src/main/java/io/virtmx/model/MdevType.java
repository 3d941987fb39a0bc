/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/** A mediated-device type a device offers, with how many more instances may be created. */
public record MdevType(String id, String name, long availableInstances) {
  public MdevType {
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(name, "name");
  }
}
