/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's keepalive on a connection through the remote driver (a probe every 5 s, the connection
 * closed after 3 unanswered), so that a host gone silent is noticed and reconnected.
 */
final class Keepalive {
  private static final Logger log = LoggerFactory.getLogger(HostConnection.class);
  private static final int INTERVAL_S = 5;
  private static final int COUNT = 3;

  private Keepalive() {}

  /** Turns keepalive on for a remote {@code uri}; a driver without it is only logged (debug). */
  static void enable(NativeConnect c, String uri) {
    if (!isRemote(uri)) {
      return;
    }
    if (LibvirtEvents.INSTANCE.virConnectSetKeepAlive(c.nativeHandle(), INTERVAL_S, COUNT) < 0) {
      LibvirtEvents.INSTANCE.virResetLastError();
      log.debug("{}: keepalive not supported", uri);
    }
  }

  /**
   * Whether the URI goes through libvirt's remote driver (a daemon socket or a network transport).
   */
  static boolean isRemote(String uri) {
    String scheme = URI.create(uri).getScheme();
    return scheme != null && !scheme.equals("test") || uri.startsWith("test+");
  }
}
