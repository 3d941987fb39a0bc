/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.ops.Definitions;
import io.virtmx.ops.Operations;
import java.util.List;
import java.util.Locale;

/**
 * ResourcePoolConfigurationService's methods, synchronous as in libvirt-cim (return 0):
 * CreateChildResourcePool makes a directory storage pool from a DiskPoolResourceAllocationSettingData
 * (Type 1, Path inside a {@code --disk-dir}) or a virtual network from a
 * NetPoolResourceAllocationSettingData (Address, Netmask, IPRangeStart/End, ForwardMode 0 none, 1
 * NAT, 2 routed, ForwardDevice; ours, 3 bridged onto the host bridge ForwardDevice) and answers its pool ({@code DiskPool/NAME}, {@code
 * NetworkPool/NAME}); DeleteResourcePool stops and undefines one (a storage pool only when its
 * target lies inside a {@code --disk-dir}); CreateResourceInPool makes a
 * volume from a StorageVolumeResourceAllocationSettingData and answers it (InstanceID its path);
 * DeleteResourceInPool deletes the volume its RASD's VolumeName or Address (path, as libvirt finds it
 * now) names; both only
 * in pools whose target lies inside a {@code --disk-dir}.
 */
final class PoolConfigurationService {
  static final String SUFFIX = "ResourcePoolConfigurationService";
  private static final int DIRECTORY_POOL = 1;
  private static final String[] FORMATS = {null, "raw", "qcow2"};

  private final Operations ops;

  private PoolConfigurationService(Operations ops) {
    this.ops = ops;
  }

  /** Registers the four methods. */
  static void register(Methods methods, Operations ops) {
    PoolConfigurationService s = new PoolConfigurationService(ops);
    methods.register(SUFFIX, "CreateChildResourcePool", s::createPool);
    methods.register(SUFFIX, "DeleteResourcePool", s::deletePool);
    methods.register(SUFFIX, "CreateResourceInPool", s::createVolume);
    methods.register(SUFFIX, "DeleteResourceInPool", s::deleteVolume);
  }

  private void createPool(RequestContext c, Caller caller) {
    String name = c.request().string("ElementName", null);
    if (name == null || name.isBlank()) {
      throw new CimException(CimException.INVALID_PARAMETER, "Missing ElementName");
    }
    List<EmbeddedSettings> settings = EmbeddedSettings.all(c.request().param("Settings"));
    if (settings.isEmpty()) {
      throw new CimException(CimException.INVALID_PARAMETER, "Missing Settings");
    }
    if (settings.size() > 1) {
      throw new CimException(CimException.FAILED, "Only one RASD is accepted to create a pool");
    }
    EmbeddedSettings rasd = settings.get(0);
    String host = c.model().host().host();
    String kind;
    if (rasd.isA("DiskPoolResourceAllocationSettingData")) {
      kind = "DiskPool";
      createDiskPool(caller, host, name, rasd);
    } else if (rasd.isA("NetPoolResourceAllocationSettingData")) {
      kind = "NetworkPool";
      createNetwork(caller, host, name, rasd);
    } else {
      throw new CimException(CimException.FAILED, "Resource type not supported on this platform");
    }
    ServiceCalls.answer(c, 0, new ServiceCalls.Out("Pool", poolPath(c, kind, name)));
  }

  private void createDiskPool(Caller caller, String host, String name, EmbeddedSettings rasd) {
    String path = rasd.text("Path");
    long type = rasd.number("Type", -1);
    if (type != DIRECTORY_POOL) {
      throw new CimException(
          CimException.NOT_SUPPORTED,
          "Storage pool type " + type + " not supported: only 1 (directory) is created");
    }
    if (path == null) {
      throw new CimException(CimException.FAILED, "Missing `Path' property");
    }
    boolean autostart = rasd.number("Autostart", 0) == 1;
    ServiceCalls.sync(
        () -> ops.definitions().createDirectoryPool(caller, host, name, path, autostart));
  }

  private void createNetwork(Caller caller, String host, String name, EmbeddedSettings rasd) {
    Definitions.Forward forward =
        switch ((int) rasd.number("ForwardMode", 1)) {
          case 0 -> Definitions.Forward.NONE;
          case 1 -> Definitions.Forward.NAT;
          case 2 -> Definitions.Forward.ROUTE;
          case 3 -> Definitions.Forward.BRIDGE;
          default -> throw new CimException(CimException.FAILED, "Network forward mode not supported");
        };
    ServiceCalls.sync(
        () ->
            ops.definitions()
                .createNetwork(
                    caller,
                    host,
                    name,
                    forward,
                    rasd.text("ForwardDevice"),
                    rasd.text("Address"),
                    rasd.text("Netmask"),
                    rasd.text("IPRangeStart"),
                    rasd.text("IPRangeEnd")));
  }

  private void deletePool(RequestContext c, Caller caller) {
    String[] pool = pool(c);
    String host = c.model().host().host();
    ServiceCalls.sync(
        () -> {
          if (pool[0].equals("DiskPool")) {
            ops.definitions().deletePool(caller, host, pool[1]);
          } else {
            ops.definitions().deleteNetwork(caller, host, pool[1]);
          }
        });
    ServiceCalls.answer(c, 0);
  }

  private void createVolume(RequestContext c, Caller caller) {
    EmbeddedSettings rasd = EmbeddedSettings.of(c.request().param("Settings"));
    if (rasd == null) {
      throw new CimException(CimException.INVALID_PARAMETER, "Missing Settings");
    }
    String[] pool = pool(c);
    if (!pool[0].equals("DiskPool") || !rasd.isA("StorageVolumeResourceAllocationSettingData")) {
      throw new CimException(CimException.FAILED, "Only storage volume resources supported");
    }
    String name = rasd.text("VolumeName");
    if (name == null) {
      throw new CimException(CimException.FAILED, "StorageVolumeRASD VolumeName field not valid");
    }
    long format = rasd.number("FormatType", 1);
    if (format < 1 || format >= FORMATS.length) {
      throw new CimException(CimException.FAILED, "StorageVolumeRASD FormatType field not valid");
    }
    long bytes = bytes(rasd.number("Capacity", -1), rasd.text("AllocationUnits"));
    String host = c.model().host().host();
    String[] path = new String[1];
    ServiceCalls.sync(
        () ->
            path[0] =
                ops.pools()
                    .createVolume(caller, host, pool[1], name, bytes, FORMATS[(int) format]));
    CimObjectPath volume =
        new CimObjectPath(
            c.ns(),
            c.model().prefix() + "_StorageVolumeResourceAllocationSettingData",
            List.of(new CimObjectPath.Key("InstanceID", path[0])));
    ServiceCalls.answer(c, 0, new ServiceCalls.Out("Resource", volume));
  }

  private void deleteVolume(RequestContext c, Caller caller) {
    EmbeddedSettings rasd = EmbeddedSettings.of(c.request().param("Resource"));
    if (rasd == null) {
      throw new CimException(CimException.INVALID_PARAMETER, "Missing Resource");
    }
    String[] pool = pool(c);
    String name = rasd.text("VolumeName");
    String address = rasd.text("Address");
    if (name == null && address == null) {
      throw new CimException(CimException.FAILED, "Missing Address in resource RASD");
    }
    String host = c.model().host().host();
    String volume = name;
    ServiceCalls.sync(
        () -> {
          if (volume == null) {
            ops.pools().deleteVolumeAt(caller, host, pool[1], address);
          } else {
            ops.pools().deleteVolume(caller, host, pool[1], volume);
          }
        });
    ServiceCalls.answer(c, 0);
  }

  /** The kind (DiskPool, NetworkPool) and name of the Pool parameter's pool. */
  private static String[] pool(RequestContext c) {
    CimObjectPath ref = ServiceCalls.ref(c, "Pool", "Missing Pool");
    Object id = ref.key("InstanceID");
    if (!(id instanceof String s)) {
      throw new CimException(CimException.FAILED, "Missing InstanceID in resource pool");
    }
    int slash = s.indexOf('/');
    String kind = slash < 0 ? "" : s.substring(0, slash);
    String name = slash < 0 ? "" : s.substring(slash + 1);
    if (!(kind.equals("DiskPool") || kind.equals("NetworkPool")) || name.isEmpty()) {
      throw new CimException(CimException.FAILED, "Pool has invalid InstanceID");
    }
    if (name.equals("0")) {
      throw new CimException(
          CimException.FAILED, "the primordial pool " + s + " cannot be changed or deleted");
    }
    return new String[] {kind, name};
  }

  private static CimObjectPath poolPath(RequestContext c, String kind, String name) {
    return new CimObjectPath(
        c.ns(),
        c.model().prefix() + "_" + kind,
        List.of(new CimObjectPath.Key("InstanceID", kind + "/" + name)));
  }

  /** Capacity in AllocationUnits as bytes: bytes when not given, else K/KiB/KiloBytes, M…, G…, T… (1024-based). */
  static long bytes(long capacity, String units) {
    if (capacity <= 0) {
      throw new CimException(CimException.FAILED, "StorageVolumeRASD Capacity field not valid");
    }
    String u = units == null ? "" : units.strip().toLowerCase(Locale.ROOT);
    int shift =
        switch (u) {
          case "", "b", "bytes", "byte" -> 0;
          case "k", "kib", "kilobytes" -> 10;
          case "m", "mib", "megabytes" -> 20;
          case "g", "gib", "gigabytes" -> 30;
          case "t", "tib", "terabytes" -> 40;
          default -> throw new CimException(
              CimException.INVALID_PARAMETER, "AllocationUnits '" + units + "' is not understood");
        };
    if (capacity > (Long.MAX_VALUE >> shift)) {
      throw new CimException(CimException.INVALID_PARAMETER, "Capacity is too large");
    }
    return capacity << shift;
  }
}
