/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view;

import java.io.IOException;

/**
 * One way operators reach the agent (JMX, Jolokia, Prometheus metrics, CIM): started once the hosts
 * are open, closed on shutdown. A view renders the snapshots and forwards operations to the
 * operations service; it never calls libvirt and never uses another view.
 */
public interface View extends AutoCloseable {
  /** Short name for logs, e.g. "metrics on 127.0.0.1:9177". */
  String describe();

  void start() throws IOException;

  @Override
  void close();
}
