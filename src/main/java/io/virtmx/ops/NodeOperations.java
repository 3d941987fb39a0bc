/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import java.util.regex.Pattern;
import org.libvirt.Device;
import org.libvirt.Interface;
import org.libvirt.LibvirtException;

/**
 * Operations on the node's resources: detach, re-attach and reset of a PCI node device for
 * passthrough, start and stop of a host interface. libvirt judges whether the device can be
 * detached; a driver that cannot change interfaces (Debian's udev backend) is refused clearly.
 */
public final class NodeOperations {
  /** libvirt's node device and interface names: letters, digits and {@code _ - . :}. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

  private static final int VIR_ERR_NO_SUPPORT = 3;

  private final OperationRunner runner;

  NodeOperations(OperationRunner runner) {
    this.runner = runner;
  }

  @FunctionalInterface
  private interface DeviceWork {
    void run(Device device) throws LibvirtException;
  }

  @FunctionalInterface
  private interface InterfaceWork {
    void run(Interface iface) throws LibvirtException;
  }

  /** Detaches the PCI device from its host driver so a domain may be given it. */
  public void detach(Caller c, String host, String device) {
    onDevice(c, host, device, "detachNodeDevice", Device::detach);
  }

  /** Gives a detached PCI device back to its host driver. */
  public void reattach(Caller c, String host, String device) {
    onDevice(c, host, device, "reattachNodeDevice", Device::reAttach);
  }

  /** Resets a PCI device (function, slot or bus reset). */
  public void reset(Caller c, String host, String device) {
    onDevice(c, host, device, "resetNodeDevice", Device::reset);
  }

  public void startInterface(Caller c, String host, String iface) {
    onInterface(c, host, iface, "startHostInterface", Interface::create);
  }

  public void stopInterface(Caller c, String host, String iface) {
    onInterface(c, host, iface, "stopHostInterface", Interface::destroy);
  }

  private void onDevice(Caller c, String host, String device, String op, DeviceWork work) {
    Attempt attempt =
        Attempt.on(c, host, ObjectEvent.Kind.NODE_DEVICE, String.valueOf(device), op)
            .require(validName(device), "invalid node device name: " + printable(device));
    runner.run(
        attempt,
        conn -> {
          Device d = conn.deviceLookupByName(device);
          try {
            work.run(d);
            return null;
          } finally {
            d.free();
          }
        });
  }

  private void onInterface(Caller c, String host, String iface, String op, InterfaceWork work) {
    Attempt attempt =
        Attempt.onHostObject(c, host, "interface/" + iface, op)
            .require(validName(iface), "invalid interface name: " + printable(iface));
    runner.run(
        attempt,
        conn -> {
          Interface i = conn.interfaceLookupByName(iface);
          try {
            work.run(i);
            return null;
          } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode().ordinal() == VIR_ERR_NO_SUPPORT) {
              throw new OperationException(
                  OperationException.Reason.FAILED,
                  "host interfaces are read-only on this host: libvirt's interface driver (the"
                      + " udev backend) cannot start or stop them ("
                      + e.getMessage().strip()
                      + ")");
            }
            throw e;
          } finally {
            i.free();
          }
        });
    runner.refreshSoon(host);
  }

  private static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  private static String printable(String s) {
    if (s == null) {
      return "(none)";
    }
    String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
