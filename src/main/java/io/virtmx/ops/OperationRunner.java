/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.ObjectEvent;
import org.libvirt.LibvirtException;

/**
 * Runs every operation the same way, whichever view asked: the access check first (read-only agent,
 * then the caller's role), then the argument checks, then the libvirt call on the host's
 * connection, then (for one object) a refresh of it; libvirt errors become {@link
 * OperationException}s carrying libvirt's message. Nothing reaches libvirt before the checks, and
 * every attempt leaves one audit line: ok, refused (by the access or argument checks, or by the
 * lifecycle policy from the domain's current state, with why) or failed (with libvirt's message).
 */
final class OperationRunner {
  /** The libvirt work of one operation. */
  @FunctionalInterface
  interface Work<T> {
    T run(NativeConnect connection) throws LibvirtException;
  }

  /** What an attempt does once past its checks. */
  @FunctionalInterface
  interface Body<T> {
    T run();
  }

  private final HostConnections hosts;
  private final boolean readOnly;

  OperationRunner(HostConnections hosts, boolean readOnly) {
    this.hosts = hosts;
    this.readOnly = readOnly;
  }

  /**
   * Runs a libvirt operation; once past the checks, the collector is told the object changed (even
   * when the call failed: it may have changed something).
   */
  <T> T run(Attempt attempt, Work<T> work) {
    return audited(attempt, () -> call(attempt.host(), work));
  }

  /** Runs {@code body} after the access and argument checks, and audits the attempt. */
  <T> T audited(Attempt attempt, Body<T> body) {
    boolean checked = false;
    try {
      check(attempt.caller(), attempt.operation());
      attempt.validate();
      checked = true;
      T result = body.run();
      attempt.line("ok", null).write();
      return result;
    } catch (OperationException e) {
      boolean refused =
          !checked || e.refusal() || e.reason() == OperationException.Reason.INVALID_STATE;
      attempt.line(refused ? "refused" : "failed", e.getMessage()).write();
      throw e;
    } catch (RuntimeException e) {
      attempt.line("failed", String.valueOf(e)).write();
      throw e;
    } finally {
      if (checked && attempt.kind() != null && hosts.knows(attempt.host())) {
        hosts.changed(attempt.host(), attempt.kind(), attempt.name());
      }
    }
  }

  /** The access check alone, for views that pre-check; a refusal is audited. */
  void precheck(Attempt attempt) {
    try {
      check(attempt.caller(), attempt.operation());
    } catch (OperationException e) {
      attempt.line("refused", e.getMessage()).write();
      throw e;
    }
  }

  private <T> T call(String host, Work<T> work) {
    if (!hosts.knows(host)) {
      throw new OperationException(
          OperationException.Reason.NOT_FOUND, "no host named '" + host + "'");
    }
    NativeConnect conn =
        hosts
            .connection(host)
            .orElseThrow(
                () ->
                    new OperationException(
                        OperationException.Reason.UNAVAILABLE,
                        "host '" + host + "' is down: libvirt is not reachable"));
    try {
      return work.run(conn);
    } catch (LibvirtException | LibvirtCallException e) {
      throw new OperationException(reasonOf(e), libvirtMessage(e));
    }
  }

  boolean knows(String host) {
    return hosts.knows(host);
  }

  void refreshSoon(String host) {
    hosts.refreshSoon(host);
  }

  void changed(String host, ObjectEvent.Kind kind, String name) {
    hosts.changed(host, kind, name);
  }

  void jobStarting(String host, String domain) {
    hosts.jobStarting(host, domain);
  }

  private void check(Caller caller, String operation) {
    if (readOnly) {
      throw new OperationException(
          OperationException.Reason.READ_ONLY,
          "read-only agent: operation '" + operation + "' refused");
    }
    if (!caller.role().mayOperate()) {
      throw new OperationException(
          OperationException.Reason.DENIED,
          "user '"
              + caller.name()
              + "' ("
              + caller.role().label()
              + ") may not run operation '"
              + operation
              + "'");
    }
  }

  private static OperationException.Reason reasonOf(Exception e) {
    int code =
        e instanceof LibvirtCallException lce
            ? lce.code()
            : e instanceof LibvirtException le && le.getError() != null
                ? le.getError().getCode().ordinal()
                : -1;
    return switch (code) {
      case 42, 43, 49, 50, 72 ->
          OperationException.Reason.NOT_FOUND; // no domain, network, pool, volume, snapshot
      case 8 -> OperationException.Reason.INVALID_ARGUMENT;
      default -> OperationException.Reason.FAILED;
    };
  }

  private static String libvirtMessage(Exception e) {
    String m = e instanceof LibvirtCallException lce ? lce.libvirtMessage() : e.getMessage();
    return m == null ? "libvirt call failed" : m.strip();
  }
}
