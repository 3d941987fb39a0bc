/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.DiskDevice;
import io.virtmx.model.DiskStats;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.InterfaceStats;
import io.virtmx.model.VcpuStats;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * VM-MIB's per-device tables of one domain: {@code vmCpuTable} (vCPU time in microseconds), {@code
 * vmStorageTable} (one row per disk in definition order, sizes in MiB, latencies in microseconds,
 * a counter libvirt did not report left out) and {@code vmNetworkTable} (model and MAC).
 */
final class VmDeviceRows {
  static final OID CPU_ENTRY = new OID("1.3.6.1.2.1.236.1.5.1");
  static final OID STORAGE_ENTRY = new OID("1.3.6.1.2.1.236.1.7.1");
  static final OID NETWORK_ENTRY = new OID("1.3.6.1.2.1.236.1.8.1");
  private static final int MIB = 1024 * 1024;

  private VmDeviceRows() {}

  static OID cell(OID entry, int column, int vmIndex, int deviceIndex) {
    return new OID(entry).append(column).append(vmIndex).append(deviceIndex);
  }

  static void render(DomainSnapshot d, int vmIndex, Map<OID, Variable> out) {
    for (VcpuStats v : d.vcpus().each()) {
      if (v.timeNs() >= 0) {
        out.put(cell(CPU_ENTRY, 2, vmIndex, v.number() + 1), new Counter64(v.timeNs() / 1000));
      }
    }
    List<DiskStats> disks = d.disks();
    for (int i = 0; i < disks.size(); i++) {
      storage(disks.get(i), vmIndex, i + 1, out);
    }
    List<InterfaceStats> nics = d.interfaces();
    for (int i = 0; i < nics.size(); i++) {
      network(nics.get(i), vmIndex, i + 1, out);
    }
  }

  private static void storage(DiskStats disk, int vmIndex, int n, Map<OID, Variable> out) {
    DiskDevice dev = disk.device();
    out.put(cell(STORAGE_ENTRY, 3, vmIndex, n), new Integer32(vmIndex));
    out.put(cell(STORAGE_ENTRY, 4, vmIndex, n), new Integer32(sourceType(dev)));
    out.put(cell(STORAGE_ENTRY, 5, vmIndex, n), new OctetString(dev.type()));
    out.put(cell(STORAGE_ENTRY, 6, vmIndex, n), new OctetString(dev.source()));
    out.put(cell(STORAGE_ENTRY, 7, vmIndex, n), new Integer32(1));
    out.put(cell(STORAGE_ENTRY, 8, vmIndex, n), new Integer32(mediaType(dev.device())));
    out.put(cell(STORAGE_ENTRY, 9, vmIndex, n), new OctetString(dev.device()));
    out.put(cell(STORAGE_ENTRY, 10, vmIndex, n), new Integer32(MIB));
    BlockSizes sizes = disk.sizes();
    out.put(cell(STORAGE_ENTRY, 11, vmIndex, n), new Integer32(mib(sizes.capacityBytes())));
    out.put(cell(STORAGE_ENTRY, 12, vmIndex, n), new Integer32(mib(sizes.allocationBytes())));
    BlockIo io = disk.io();
    counter(out, cell(STORAGE_ENTRY, 13, vmIndex, n), io.readRequests());
    counter(out, cell(STORAGE_ENTRY, 14, vmIndex, n), io.writeRequests());
    counter(out, cell(STORAGE_ENTRY, 15, vmIndex, n), io.readBytes());
    counter(out, cell(STORAGE_ENTRY, 16, vmIndex, n), io.writeBytes());
    counter(out, cell(STORAGE_ENTRY, 17, vmIndex, n), micros(io.readTimeNs()));
    counter(out, cell(STORAGE_ENTRY, 18, vmIndex, n), micros(io.writeTimeNs()));
  }

  private static void network(InterfaceStats nic, int vmIndex, int n, Map<OID, Variable> out) {
    out.put(cell(NETWORK_ENTRY, 2, vmIndex, n), new Integer32(0));
    out.put(cell(NETWORK_ENTRY, 3, vmIndex, n), new Integer32(0));
    out.put(cell(NETWORK_ENTRY, 4, vmIndex, n), new OctetString(nic.device().model()));
    out.put(cell(NETWORK_ENTRY, 5, vmIndex, n), new OctetString(mac(nic.device().mac())));
  }

  /** VirtualMachineStorageSourceType: block 3, raw 4, sparse 5 (qcow2), network 6, other 2. */
  static int sourceType(DiskDevice dev) {
    return switch (dev.type()) {
      case "block" -> 3;
      case "network" -> 6;
      case "file" -> "raw".equals(dev.driver()) ? 4 : "qcow2".equals(dev.driver()) ? 5 : 2;
      default -> 2;
    };
  }

  /** IANAStorageMediaType: unknown 2 for a disk (HDD or SSD is not known), optical 5, floppy 6. */
  static int mediaType(String device) {
    return switch (device) {
      case "cdrom" -> 5;
      case "floppy" -> 6;
      default -> 2;
    };
  }

  private static void counter(Map<OID, Variable> out, OID oid, long value) {
    if (value >= 0) {
      out.put(oid, new Counter64(value));
    }
  }

  private static long micros(long ns) {
    return ns < 0 ? -1 : ns / 1000;
  }

  private static int mib(long bytes) {
    return bytes < 0 ? -1 : (int) Math.min(bytes / MIB, Integer.MAX_VALUE);
  }

  private static byte[] mac(String text) {
    String hex = text.replace(":", "");
    try {
      return hex.length() == 12 ? HexFormat.of().parseHex(hex) : new byte[0];
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
