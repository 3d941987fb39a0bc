/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.model.HostSnapshot;
import io.virtmx.model.ObjectEvent;
import io.virtmx.model.SnapshotListener;
import io.virtmx.ops.MigrationEvent;
import io.virtmx.ops.MigrationListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Passes snapshot changes to the {@link MBeanRegistry} on the JMX view's own thread, in the order
 * they come, so that registering thousands of MBeans (seconds for a first snapshot of 1000
 * domains) never holds up a host's collection or the views told after this one. Of the snapshots a
 * host publishes while one is still waiting, only the newest is applied: the MBeans read their
 * values from the latest snapshot anyway.
 */
final class RegistryHandOff implements SnapshotListener, MigrationListener {
  private final MBeanRegistry registry;
  private final Executor thread;
  private final Map<String, HostSnapshot> waiting = new ConcurrentHashMap<>();

  RegistryHandOff(MBeanRegistry registry, Executor thread) {
    this.registry = registry;
    this.thread = thread;
  }

  @Override
  public void updated(HostSnapshot previous, HostSnapshot current) {
    String host = current.host();
    if (waiting.put(host, current) == null) {
      run(
          () -> {
            HostSnapshot newest = waiting.remove(host);
            if (newest != null) {
              registry.updated(null, newest);
            }
          });
    }
  }

  @Override
  public void event(ObjectEvent event) {
    run(() -> registry.event(event));
  }

  @Override
  public void removed(String host) {
    run(() -> registry.removed(host));
  }

  @Override
  public void migration(MigrationEvent event) {
    run(() -> registry.migration(event));
  }

  /** Queues a change; once the view is closed its thread takes none and the change is dropped. */
  private void run(Runnable change) {
    try {
      thread.execute(change);
    } catch (RejectedExecutionException closed) {
      // the view is closed: its MBeans are gone, nothing to tell
    }
  }
}
