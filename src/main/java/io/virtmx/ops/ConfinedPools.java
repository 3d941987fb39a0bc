/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.libvirt.PoolDescription;
import io.virtmx.libvirt.PoolXml;
import java.util.Collection;
import java.util.TreeSet;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

/**
 * The storage pools whose volumes an operation may make libvirt (root) open, create or delete:
 * only those whose target directory lies strictly inside a {@code --disk-dir}, resolved like any
 * confined directory ({@link ConfinedPaths#checkDirectory}: no symbolic link inside the disk dirs),
 * e.g. {@code storage pool 'default': only pools whose target lies inside a --disk-dir may be used:
 * '/var/lib/libvirt/images' is outside every --disk-dir (/srv/disks)}.
 */
final class ConfinedPools {
  static final String RULE = "only pools whose target lies inside a --disk-dir may be used";

  private final ConfinedPaths diskDirs;

  ConfinedPools(ConfinedPaths diskDirs) {
    this.diskDirs = diskDirs;
  }

  /** Refuses (as an argument check) when one of {@code pools} is not inside a disk dir. */
  void check(NativeConnect conn, Collection<String> pools) throws LibvirtException {
    for (String name : new TreeSet<>(pools)) {
      StoragePool pool = conn.storagePoolLookupByName(name);
      String xml;
      try {
        xml = pool.getXMLDesc(0);
      } finally {
        pool.free();
      }
      String refusal = refusal(name, xml);
      if (refusal != null) {
        throw OperationException.refused(refusal);
      }
    }
  }

  /** Why the pool {@code name} described by {@code poolXml} may not be used, or null. */
  String refusal(String name, String poolXml) {
    PoolDescription pool = PoolXml.parse(poolXml);
    String what = "storage pool '" + name + "': " + RULE;
    if (pool.targetPath() == null || pool.targetPath().isEmpty()) {
      return what + ", and it has no target directory (type " + pool.type() + ")";
    }
    ConfinedPaths.Check check = diskDirs.checkDirectory(pool.targetPath());
    return check.allowed() ? null : what + ": " + check.refusal();
  }
}
