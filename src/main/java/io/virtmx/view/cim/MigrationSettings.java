/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A migration's settings from a VirtualSystemMigrationSettingData, with libvirt-cim's numbers and
 * defaults: MigrationType 1 offline, 2 live (default), 3 resume, 4 restart; TransportType 2 SSH
 * (default), 3 TLS, 4 TLS strict, 5 TCP, 32768 UNIX; and ours, StorageCopy 0 none (default), 1
 * all, 2 incremental and Bandwidth in MiB/s. The destination URI is libvirt-cim's, {@code
 * qemu+tcp://HOST/system} for a KVM class, except that TLS (3) checks the destination's certificate
 * like TLS strict: libvirt-cim adds {@code ?no_verify=1}, which we never build.
 */
record MigrationSettings(int type, int transport, String storage, long bandwidthMiBps) {
  static final int OFFLINE = 1;
  static final int LIVE = 2;
  static final int RESUME = 3;
  static final int RESTART = 4;
  static final int SSH = 2;
  static final int TLS = 3;
  static final int TLS_STRICT = 4;
  static final int TCP = 5;
  static final int UNIX = 32768;
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,252}|\\[?[0-9A-Fa-f:.]{2,45}]?");
  private static final String[] STORAGE = {"none", "all", "incremental"};

  /** The settings of the MigrationSettingData parameter, libvirt-cim's defaults when absent. */
  static MigrationSettings of(Object param) {
    EmbeddedSettings msd = EmbeddedSettings.of(param);
    if (msd == null) {
      return new MigrationSettings(LIVE, SSH, "none", 0);
    }
    long type = msd.number("MigrationType", LIVE);
    if (type < OFFLINE || type > RESTART) {
      throw new CimException(CimException.FAILED, "Unsupported migration type " + type);
    }
    long transport = msd.number("TransportType", SSH);
    if (transport != SSH
        && transport != TLS
        && transport != TLS_STRICT
        && transport != TCP
        && transport != UNIX) {
      throw new CimException(CimException.FAILED, "Failed to construct a valid libvirt URI");
    }
    long storage = msd.number("StorageCopy", 0);
    if (storage < 0 || storage > 2) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "StorageCopy must be 0, 1 or 2, not " + storage);
    }
    long bandwidth = msd.number("Bandwidth", 0);
    return new MigrationSettings(
        (int) type, (int) transport, STORAGE[(int) storage], Math.max(0, bandwidth));
  }

  /**
   * The libvirt URI of {@code destination} for a class of {@code prefix}, as libvirt-cim builds it;
   * CIM_ERR_FAILED for a destination that is not a host name or address, or a prefix without one.
   */
  String uri(String prefix, String destination) {
    String d = destination == null ? "" : destination.strip();
    if (!HOST.matcher(d).matches()) {
      throw new CimException(
          CimException.INVALID_PARAMETER,
          "DestinationHost must be a host name or an IP address, not '" + destination + "'");
    }
    if (d.contains(":") && !d.startsWith("[")) {
      d = "[" + d + "]";
    }
    String driver =
        switch (prefix.toUpperCase(Locale.ROOT)) {
          case "KVM" -> "qemu";
          case "XEN" -> "xen";
          case "LXC" -> "lxc";
          default -> throw new CimException(
              CimException.FAILED, "Failed to construct a valid libvirt URI");
        };
    String transportName =
        switch (transport) {
          case SSH -> "ssh";
          case TLS, TLS_STRICT -> "tls";
          case TCP -> "tcp";
          default -> "unix";
        };
    String path = driver.equals("xen") ? "" : "/system";
    return driver + "+" + transportName + "://" + d + path;
  }
}
