package io.virtmx.ops;

import io.virtmx.libvirt.LibvirtCallException;
import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.ObjectEvent;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every operation the same way, whichever view asked: the access check first (read-only agent,
 * then the caller's role), then the libvirt call on the host's connection, then (for one object) a
 * refresh of it; libvirt errors become {@link OperationException}s carrying libvirt's message.
 * Nothing reaches libvirt before the check.
 */
final class OperationRunner {
  private static final Logger audit = LoggerFactory.getLogger("io.virtmx.audit");

  /** The libvirt work of one operation. */
  @FunctionalInterface
  interface Work<T> {
    T run(NativeConnect connection) throws LibvirtException;
  }

  private final HostConnections hosts;
  private final boolean readOnly;

  OperationRunner(HostConnections hosts, boolean readOnly) {
    this.hosts = hosts;
    this.readOnly = readOnly;
  }

  /**
   * Runs an operation on one object; once past the access check, the collector is told the object
   * changed.
   */
  <T> T run(
      Caller caller,
      String host,
      ObjectEvent.Kind kind,
      String object,
      String operation,
      Work<T> work) {
    check(caller, operation);
    try {
      return run(caller, host, operation, work);
    } finally {
      if (hosts.knows(host)) {
        hosts.changed(host, kind, object); // even a failed call may have changed something
      }
    }
  }

  <T> T run(Caller caller, String host, String operation, Work<T> work) {
    check(caller, operation);
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
      T result = work.run(conn);
      audit.info("{} on {}: {} by {}", operation, host, "ok", caller);
      return result;
    } catch (LibvirtException | LibvirtCallException e) {
      audit.info("{} on {}: failed ({}) by {}", operation, host, e.getMessage(), caller);
      throw new OperationException(reasonOf(e), libvirtMessage(e));
    }
  }

  void changed(String host, ObjectEvent.Kind kind, String name) {
    hosts.changed(host, kind, name);
  }

  void check(Caller caller, String operation) {
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
