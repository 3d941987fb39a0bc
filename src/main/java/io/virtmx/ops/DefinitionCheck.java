/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.NativeConnect;
import java.util.Set;
import org.libvirt.LibvirtException;

/**
 * The confinement of a whole domain definition (define, create, restore), as hot-plug confines a
 * device's: every host path the XML names must lie inside a {@code --disk-dir} ({@link
 * ConfinedPaths}; with none configured, any path is refused), disks come from files, block devices
 * or volumes of pools inside a disk dir ({@link ConfinedPools}), interfaces from networks or from
 * bridges libvirt networks made ({@link NetworkPlacement}; no direct or ethernet ones),
 * nothing reaches the network or hands a host device over ({@link DefinitionElements}), and an
 * {@code <emulator>} must be one the host's capabilities list. A refusal names the element, e.g. {@code domain XML: <log file='/etc/x'>:
 * '/etc/x' is outside every --disk-dir (/srv/disks)}.
 */
final class DefinitionCheck {
  private final ConfinedPaths diskDirs;
  private final ConfinedPools pools;

  DefinitionCheck(ConfinedPaths diskDirs) {
    this.diskDirs = diskDirs;
    this.pools = new ConfinedPools(diskDirs);
  }

  /**
   * Adds the checks of {@code xml} to the attempt (refused before libvirt is called); returns what
   * it names for {@link #checkOnHost}, null when refused.
   */
  DefinitionElements.Findings check(Attempt attempt, String xml) {
    String refusal = refusal(xml);
    attempt.require(refusal == null, refusal);
    return refusal == null ? DefinitionElements.of(xml) : null;
  }

  /**
   * The checks that need the host, as argument checks: its emulator ({@link #checkEmulator}), the
   * storage pools of its volume disks ({@link ConfinedPools}) and the bridges of its bridge
   * interfaces ({@link NetworkPlacement#checkInterfaceBridges}).
   */
  void checkOnHost(NativeConnect conn, DefinitionElements.Findings found) throws LibvirtException {
    if (found == null) {
      return;
    }
    checkSavedOnHost(conn, found);
    NetworkPlacement.checkInterfaceBridges(conn, found.bridges());
  }

  /**
   * The host checks of a save image's own definition: emulator and pools, not the bridges, for a
   * restore puts the guest back on the bridge it was saved from (an image in a {@code --save-dir}).
   */
  void checkSavedOnHost(NativeConnect conn, DefinitionElements.Findings found)
      throws LibvirtException {
    pools.check(conn, found.pools());
    checkEmulator(conn, found.emulator());
  }

  /** Why {@code xml} is refused, or null when every element of it is allowed. */
  String refusal(String xml) {
    DefinitionElements.Findings found;
    try {
      found = DefinitionElements.of(xml);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (found.refusal() != null) {
      return "domain XML: " + found.refusal();
    }
    for (DefinitionElements.NamedPath p : found.paths()) {
      ConfinedPaths.Check c = diskDirs.check(p.path(), false);
      if (!c.allowed()) {
        return "domain XML: " + p.element() + ": " + c.refusal();
      }
    }
    return null;
  }

  /**
   * Refuses (as an argument check) an emulator the host's capabilities do not list: libvirt would
   * execute any file named there as root.
   */
  static void checkEmulator(NativeConnect conn, String emulator) throws LibvirtException {
    if (emulator == null) {
      return;
    }
    Set<String> offered = DefinitionElements.emulators(conn.getCapabilities());
    if (!offered.contains(emulator)) {
      throw OperationException.refused(
          "domain XML: <emulator>"
              + emulator
              + "</emulator> is not an emulator of this host (its capabilities list "
              + String.join(", ", new java.util.TreeSet<>(offered))
              + ")");
    }
  }
}
