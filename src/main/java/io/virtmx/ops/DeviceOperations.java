/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.BlockThresholdCalls;
import io.virtmx.libvirt.DeviceElements;
import io.virtmx.libvirt.DomainChangeCalls;
import io.virtmx.model.ObjectEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Hot-plug, whichever view asks: attach and detach disks, network interfaces and any device from
 * its XML, change a CD-ROM's medium, set vCPUs and memory, each on the running domain, its
 * persistent definition or both ({@link Affect}). A host file a device names must lie inside a
 * {@code --disk-dir} ({@link ConfinedPaths}), checked before libvirt is called; pool volumes are
 * named by pool and volume, of pools inside a disk dir only ({@link ConfinedPools}); an interface
 * plugs into a host bridge only when a libvirt network made it ({@link NetworkPlacement}).
 */
public final class DeviceOperations {
  private static final int XML_INACTIVE = 2;

  private final OperationRunner runner;
  private final DeviceArguments arguments;
  private final ConfinedPools pools;

  DeviceOperations(OperationRunner runner, ConfinedPaths diskDirs) {
    this.runner = runner;
    this.arguments = new DeviceArguments(diskDirs);
    this.pools = new ConfinedPools(diskDirs);
  }

  /** libvirt work on one looked-up domain. */
  @FunctionalInterface
  private interface DomainWork {
    void run(Domain domain) throws LibvirtException;
  }

  private static Attempt attempt(Caller c, String host, String domain, String operation) {
    return Attempt.on(c, host, ObjectEvent.Kind.DOMAIN, domain, operation);
  }

  private void on(Attempt attempt, String domain, DomainWork work) {
    on(attempt, domain, List::of, work);
  }

  /** As above, after refusing a pool of {@code usedPools} (read once the arguments passed). */
  private void on(
      Attempt attempt, String domain, Supplier<List<String>> usedPools, DomainWork work) {
    on(attempt, domain, usedPools, List::of, work);
  }

  /** As above, also refusing a host bridge of {@code usedBridges} no libvirt network made. */
  private void on(
      Attempt attempt,
      String domain,
      Supplier<List<String>> usedPools,
      Supplier<List<String>> usedBridges,
      DomainWork work) {
    runner.run(
        attempt,
        conn -> {
          pools.check(conn, usedPools.get());
          NetworkPlacement.checkInterfaceBridges(conn, usedBridges.get());
          Domain d = conn.domainLookupByName(domain);
          try {
            work.run(d);
            return null;
          } finally {
            d.free();
          }
        });
  }

  /**
   * Attaches a disk: {@code source} is an absolute file path inside a {@code --disk-dir} or
   * {@code POOL/VOLUME}; {@code bus} empty for the target's usual one, {@code format} empty for raw.
   */
  public void attachDisk(
      Caller c,
      String host,
      String domain,
      String source,
      String target,
      String bus,
      String format,
      boolean readOnly,
      String affect) {
    String b = DeviceXml.orDefault(bus, DeviceXml.defaultBus(target));
    String f = DeviceXml.orDefault(format, "raw");
    Attempt a =
        attempt(c, host, domain, "attachDisk")
            .arg("source", source)
            .arg("target", target)
            .arg("bus", b)
            .arg("format", f)
            .arg("read-only", readOnly);
    Affect how = Affect.checked(a, affect);
    DeviceXml.DiskSource src = arguments.diskSource(a, source);
    a.require(DeviceArguments.validTarget(target), "invalid disk target '" + target + "' (e.g. vdb, sdc)")
        .require(DeviceXml.BUSES.contains(b), "unknown bus '" + b + "' (use one of "
            + DeviceXml.oneOf(DeviceXml.BUSES) + ")")
        .require(DeviceXml.FORMATS.contains(f), "unknown disk format '" + f + "' (use one of "
            + DeviceXml.oneOf(DeviceXml.FORMATS) + ")");
    String xml = src == null ? "" : DeviceXml.disk(src, target, b, f, readOnly);
    List<String> used = src == null || src.pool() == null ? List.of() : List.of(src.pool());
    on(a, domain, () -> used, d -> d.attachDeviceFlags(xml, how.flags()));
  }

  /** Detaches the disk with target {@code target} ("vdb"). */
  public void detachDisk(Caller c, String host, String domain, String target, String affect) {
    Attempt a = attempt(c, host, domain, "detachDisk").arg("target", target);
    Affect how = Affect.checked(a, affect);
    a.require(DeviceArguments.validTarget(target), "invalid disk target '" + target + "' (e.g. vdb, sdc)");
    on(
        a,
        domain,
        d -> {
          String disk = existing(DeviceElements.disk(xml(d, how), target), domain, "disk", target);
          d.detachDeviceFlags(disk, how.flags());
        });
  }

  /**
   * Attaches a network interface on a libvirt network ({@code type} "network") or the bridge a
   * libvirt network of the host made ("bridge"); {@code model} empty for virtio, {@code mac} empty for a random one; returns the MAC.
   */
  public String attachInterface(
      Caller c,
      String host,
      String domain,
      String type,
      String source,
      String model,
      String mac,
      String affect) {
    String t = DeviceXml.orDefault(type, "network");
    String m = DeviceXml.orDefault(model, "virtio");
    String address = DeviceXml.orDefault(mac, DeviceXml.randomMac());
    Attempt a =
        attempt(c, host, domain, "attachInterface")
            .arg("type", t)
            .arg("source", source)
            .arg("model", m)
            .arg("mac", address);
    Affect how = Affect.checked(a, affect);
    a.require(DeviceXml.NETWORK_TYPES.contains(t), "unknown interface type '" + t
            + "' (use one of " + DeviceXml.oneOf(DeviceXml.NETWORK_TYPES) + ")")
        .require(DeviceArguments.validName(source), "invalid " + t + " name '" + source + "'")
        .require(DeviceXml.MODEL.matcher(m).matches(), "invalid interface model '" + m + "'")
        .require(DeviceXml.unicast(address), "invalid MAC address '" + mac
            + "' (six hex pairs, unicast, e.g. 52:54:00:12:34:56)");
    String xml = DeviceXml.networkInterface(t, DeviceArguments.validName(source) ? source : "", m, address);
    List<String> bridges = t.equals("bridge") ? List.of(source) : List.of();
    on(a, domain, List::of, () -> bridges, d -> d.attachDeviceFlags(xml, how.flags()));
    return address;
  }

  /** Detaches the network interface with MAC address {@code mac}. */
  public void detachInterface(Caller c, String host, String domain, String mac, String affect) {
    String address = DeviceXml.orDefault(mac, "");
    Attempt a = attempt(c, host, domain, "detachInterface").arg("mac", address);
    Affect how = Affect.checked(a, affect);
    a.require(DeviceXml.MAC.matcher(address).matches(), "invalid MAC address '" + mac + "'");
    on(
        a,
        domain,
        d -> {
          Optional<String> nic = DeviceElements.interfaceWithMac(xml(d, how), address);
          d.detachDeviceFlags(existing(nic, domain, "interface with MAC", address), how.flags());
        });
  }

  /** Attaches any device from its libvirt XML; the host files it names must be in a disk dir. */
  public void attachDevice(Caller c, String host, String domain, String xml, String affect) {
    Attempt a = arguments.deviceXmlAttempt(attempt(c, host, domain, "attachDevice"), xml);
    Affect how = Affect.checked(a, affect);
    on(a, domain, () -> DeviceElements.sourcePools(xml), () -> InterfaceBridges.ofDevice(xml),
        d -> d.attachDeviceFlags(xml, how.flags()));
  }

  /** Detaches the device that {@code xml} describes. */
  public void detachDevice(Caller c, String host, String domain, String xml, String affect) {
    Attempt a = arguments.deviceXmlAttempt(attempt(c, host, domain, "detachDevice"), xml);
    Affect how = Affect.checked(a, affect);
    on(a, domain, d -> d.detachDeviceFlags(xml, how.flags()));
  }

  /** Changes a device in place from its XML (virDomainUpdateDeviceFlags). */
  public void updateDevice(Caller c, String host, String domain, String xml, String affect) {
    Attempt a = arguments.deviceXmlAttempt(attempt(c, host, domain, "updateDevice"), xml);
    Affect how = Affect.checked(a, affect);
    on(a, domain, () -> DeviceElements.sourcePools(xml), () -> InterfaceBridges.ofDevice(xml),
        d -> d.updateDeviceFlags(xml, how.flags()));
  }

  /**
   * Puts the file {@code source} (inside a disk dir) into the removable drive {@code target}, or
   * ejects its medium when {@code source} is empty.
   */
  public void changeMedia(
      Caller c, String host, String domain, String target, String source, String affect) {
    boolean eject = source == null || source.isBlank();
    Attempt a =
        attempt(c, host, domain, "changeMedia")
            .arg("target", target)
            .arg("source", eject ? "(eject)" : source);
    Affect how = Affect.checked(a, affect);
    a.require(DeviceArguments.validTarget(target), "invalid drive target '" + target + "' (e.g. hdc, sda)");
    String file = eject ? null : arguments.confined(a, source, true);
    on(
        a,
        domain,
        d -> {
          String disk = existing(DeviceElements.disk(xml(d, how), target), domain, "drive", target);
          d.updateDeviceFlags(DeviceElements.withMedium(disk, file), how.flags());
        });
  }

  /** Sets the vCPU count of the running domain and/or its definition. */
  public void setVcpus(Caller c, String host, String domain, int count, String affect) {
    Attempt a = attempt(c, host, domain, "setVcpus").arg("vcpus", count);
    Affect how = Affect.checked(a, affect);
    DomainOperations.positive(a, "vCPU count", count);
    on(a, domain, d -> d.setVcpusFlags(count, how.flags()));
  }

  /** Sets the current memory (balloon target), in KiB, of the running domain and/or definition. */
  public void setMemory(Caller c, String host, String domain, long kib, String affect) {
    Attempt a = attempt(c, host, domain, "setMemory").arg("memory-kib", kib);
    Affect how = Affect.checked(a, affect);
    DomainOperations.positive(a, "memory", kib);
    runner.run(
        a,
        conn -> {
          DomainChangeCalls.setMemory(conn, domain, kib, how.flags());
          return null;
        });
  }

  /**
   * Arms the write threshold of a running domain's disk ({@code virDomainSetBlockThreshold}): once
   * its write high-water mark passes {@code bytes}, libvirt sends the block-threshold event and
   * clears it; 0 disarms it. {@code disk} is a target ("vdb") or a backing image ("vdb[1]").
   */
  public void setBlockThreshold(Caller c, String host, String domain, String disk, long bytes) {
    Attempt a = attempt(c, host, domain, "setBlockThreshold").arg("disk", disk).arg("bytes", bytes);
    a.require(disk != null && DeviceXml.BACKING_TARGET.matcher(disk).matches(),
            "invalid disk '" + disk + "' (a target such as vdb, or vdb[1] for a backing image)")
        .require(bytes >= 0, "the threshold must be 0 (none) or a positive number of bytes");
    runner.run(
        a,
        conn -> {
          BlockThresholdCalls.set(conn, domain, disk, bytes);
          return null;
        });
  }

  private static String xml(Domain d, Affect how) throws LibvirtException {
    return d.getXMLDesc(how.config() ? XML_INACTIVE : 0);
  }

  private static String existing(Optional<String> device, String domain, String what, String id) {
    return device.orElseThrow(
        () ->
            new OperationException(
                OperationException.Reason.NOT_FOUND,
                "domain '" + domain + "' has no " + what + " '" + id + "'"));
  }
}
