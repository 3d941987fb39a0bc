/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.model.ObjectEvent;
import java.util.Locale;
import java.util.regex.Pattern;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.libvirt.StoragePool;

/**
 * Creating and deleting storage pools and virtual networks: a directory pool whose target lies
 * inside a {@code --disk-dir} (so libvirt, running as root, makes and uses no other directory), and
 * a routed, NATed or isolated IPv4 network with an optional DHCP range, or a network on an existing
 * bridge, placed only where {@link NetworkPlacement} allows (a forward device or bridge that a
 * libvirt network made, a subnet no host interface or libvirt network has). The XML is written here from
 * checked values, never taken from the caller. Creating defines, builds and starts the object (and
 * undefines it again when it cannot start); deleting stops and undefines it, leaving its files,
 * and only a pool whose target lies inside a {@code --disk-dir} ({@link ConfinedPools}).
 */
public final class Definitions {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
  private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  /** How a network's traffic leaves it. */
  public enum Forward {
    NONE,
    NAT,
    ROUTE,
    /** Onto an existing host bridge, which libvirt neither addresses nor firewalls. */
    BRIDGE
  }

  private final OperationRunner runner;
  private final ConfinedPaths diskDirs;

  Definitions(OperationRunner runner, ConfinedPaths diskDirs) {
    this.runner = runner;
    this.diskDirs = diskDirs;
  }

  /** Defines, builds and starts the directory pool {@code name} at {@code path}. */
  public void createDirectoryPool(
      Caller c, String host, String name, String path, boolean autostart) {
    ConfinedPaths.Check check = diskDirs.checkDirectory(path);
    Attempt a =
        Attempt.on(c, host, ObjectEvent.Kind.POOL, name, "createPool")
            .arg("type", "dir")
            .arg("path", path)
            .arg("autostart", autostart)
            .require(name != null && NAME.matcher(name).matches(), "invalid pool name '" + name + "'")
            .require(check.allowed(), check.refusal());
    runner.run(
        a,
        conn -> {
          String xml =
              "<pool type='dir'><name>"
                  + Xml.escape(name)
                  + "</name><target><path>"
                  + Xml.escape(check.path().toString())
                  + "</path></target></pool>";
          StoragePool p = conn.storagePoolDefineXML(xml, 0);
          try {
            p.build(0);
            p.create(0);
            p.setAutostart(autostart ? 1 : 0);
          } catch (LibvirtException e) {
            p.undefine();
            throw e;
          } finally {
            p.free();
          }
          return null;
        });
  }

  /**
   * Stops (when active) and undefines the pool {@code name}, one inside a disk dir only; its
   * directory and volumes stay.
   */
  public void deletePool(Caller c, String host, String name) {
    runner.run(
        Attempt.on(c, host, ObjectEvent.Kind.POOL, name, "deletePool"),
        conn -> {
          new ConfinedPools(diskDirs).check(conn, java.util.List.of(name));
          StoragePool p = conn.storagePoolLookupByName(name);
          try {
            if (p.isActive() == 1) {
              p.destroy();
            }
            p.undefine();
          } finally {
            p.free();
          }
          return null;
        });
  }

  /**
   * Defines and starts the network {@code name}: {@code address}/{@code netmask} on its bridge,
   * DHCP from {@code rangeStart} to {@code rangeEnd} when both are given, traffic forwarded as
   * {@code forward} says (through {@code device} when not empty); for {@link Forward#BRIDGE}
   * {@code device} is the host bridge and there is no address.
   */
  public void createNetwork(
      Caller c,
      String host,
      String name,
      Forward forward,
      String device,
      String address,
      String netmask,
      String rangeStart,
      String rangeEnd) {
    String dev = device == null ? "" : device.strip();
    boolean dhcp = !blank(rangeStart) || !blank(rangeEnd);
    Attempt a =
        Attempt.on(c, host, ObjectEvent.Kind.NETWORK, name, "createNetwork")
            .arg("forward", forward)
            .arg("device", dev)
            .arg("address", address)
            .arg("netmask", netmask)
            .arg("dhcp", dhcp ? rangeStart + "-" + rangeEnd : "none")
            .require(name != null && NAME.matcher(name).matches(), "invalid network name '" + name + "'")
            .require(forward != null, "forward mode is missing")
            .require(dev.isEmpty() || DEVICE.matcher(dev).matches(), "invalid device '" + dev + "'")
            .require(forward != Forward.BRIDGE || !dev.isEmpty(), "a bridged network needs its bridge")
            .require(
                forward == Forward.BRIDGE || ipv4(address),
                "address must be an IPv4 address, got '" + address + "'")
            .require(
                forward == Forward.BRIDGE || ipv4(netmask),
                "netmask must be an IPv4 netmask, got '" + netmask + "'")
            .require(
                !dhcp || (forward != Forward.BRIDGE && ipv4(rangeStart) && ipv4(rangeEnd)),
                "the DHCP range needs two IPv4 addresses, and a network with an address");
    runner.run(
        a,
        conn -> {
          NetworkPlacement.check(conn, dev, forward == Forward.BRIDGE ? null : address, netmask);
          Network n = conn.networkDefineXML(networkXml(name, forward, dev, address, netmask, dhcp, rangeStart, rangeEnd));
          try {
            n.create();
          } catch (LibvirtException e) {
            n.undefine();
            throw e;
          } finally {
            n.free();
          }
          return null;
        });
  }

  /** Stops (when active) and undefines the network {@code name}. */
  public void deleteNetwork(Caller c, String host, String name) {
    runner.run(
        Attempt.on(c, host, ObjectEvent.Kind.NETWORK, name, "deleteNetwork"),
        conn -> {
          Network n = conn.networkLookupByName(name);
          try {
            if (n.isActive() == 1) {
              n.destroy();
            }
            n.undefine();
          } finally {
            n.free();
          }
          return null;
        });
  }

  static String networkXml(
      String name,
      Forward forward,
      String dev,
      String address,
      String netmask,
      boolean dhcp,
      String rangeStart,
      String rangeEnd) {
    StringBuilder x = new StringBuilder("<network><name>").append(Xml.escape(name)).append("</name>");
    if (forward == Forward.BRIDGE) {
      return x.append("<forward mode='bridge'/><bridge name='")
          .append(Xml.escape(dev))
          .append("'/></network>")
          .toString();
    }
    if (forward != Forward.NONE) {
      x.append("<forward mode='").append(forward.name().toLowerCase(Locale.ROOT)).append('\'');
      x.append(dev.isEmpty() ? "" : " dev='" + Xml.escape(dev) + "'").append("/>");
    }
    x.append("<ip address='").append(address).append("' netmask='").append(netmask).append("'>");
    if (dhcp) {
      x.append("<dhcp><range start='").append(rangeStart).append("' end='").append(rangeEnd);
      x.append("'/></dhcp>");
    }
    return x.append("</ip></network>").toString();
  }

  private static boolean ipv4(String s) {
    return s != null && IPV4.matcher(s.strip()).matches() && s.equals(s.strip());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
