/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

/** A view told when a migration run through the operations service starts and ends. */
@FunctionalInterface
public interface MigrationListener {
  /** Called on the thread running the migration; must return quickly and not throw. */
  void migration(MigrationEvent event);
}
