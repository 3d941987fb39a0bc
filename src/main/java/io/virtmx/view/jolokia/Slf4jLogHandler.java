/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import org.jolokia.core.api.LogHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jolokia's log lines in the agent's log, under {@code io.virtmx.view.jolokia.Jolokia}; its info is
 * our debug.
 */
final class Slf4jLogHandler implements LogHandler {
  private static final Logger log = LoggerFactory.getLogger("io.virtmx.view.jolokia.Jolokia");

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public void info(String message) {
    log.debug(message);
  }

  @Override
  public boolean isDebug() {
    return log.isDebugEnabled();
  }

  @Override
  public void error(String message, Throwable t) {
    log.warn("{}: {}", message, t == null ? "" : t.toString());
  }
}
