/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.Optional;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HostConnection.Lease}s of one native connection: once retired (the connection was lost
 * or the host closed) it lends no more, and the connection is closed as soon as the last lease is
 * given back, so that a collection never sees its connection closed under it.
 */
final class ConnectionLeases {
  private static final Logger log = LoggerFactory.getLogger(HostConnection.class);

  private final NativeConnect connect;
  private final String uri;
  private int out;
  private boolean retired;

  ConnectionLeases(NativeConnect connect, String uri) {
    this.connect = connect;
    this.uri = uri;
  }

  NativeConnect connect() {
    return connect;
  }

  /** A lease, or empty once retired. */
  synchronized Optional<HostConnection.Lease> take() {
    if (retired) {
      return Optional.empty();
    }
    out++;
    return Optional.of(new HostConnection.Lease(this));
  }

  /** A lease given back: the last one of a retired connection closes it. */
  void giveBack() {
    synchronized (this) {
      out--;
      if (!retired || out > 0) {
        return;
      }
    }
    closeQuietly(connect, uri);
  }

  /** Lends no more; closes the connection now, or when the last lease is given back. */
  void retire() {
    synchronized (this) {
      retired = true;
      if (out > 0) {
        log.debug("{}: closing the connection once {} collection(s) give it back", uri, out);
        return;
      }
    }
    closeQuietly(connect, uri);
  }

  /** Closes {@code c}, logging (at debug) rather than throwing a failure to. */
  static void closeQuietly(NativeConnect c, String uri) {
    try {
      c.close();
    } catch (LibvirtException | RuntimeException e) {
      log.debug("{}: close: {}", uri, e.getMessage());
    }
  }
}
