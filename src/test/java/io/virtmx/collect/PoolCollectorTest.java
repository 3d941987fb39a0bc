/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.PoolSnapshot;
import io.virtmx.model.VolumeSnapshot;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Volumes of a directory pool on libvirt's in-process test driver: each path as libvirt's own
 * {@code virStorageVolGetPath} says, though it is taken from the key where that is the file.
 */
class PoolCollectorTest {
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private NativeConnect conn;

  @BeforeEach
  void open() throws Exception {
    conn = new NativeConnect("test:///default", null, 0);
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
    workers.shutdownNow();
  }

  @Test
  void everyVolumePathIsTheOneLibvirtReports() throws Exception {
    StoragePool pool = conn.storagePoolLookupByName("default-pool");
    for (String name : List.of("vmx-hosts-a.img", "vmx-hosts-b.qcow2")) {
      pool.storageVolCreateXML(
              "<volume><name>" + name + "</name><capacity>1048576</capacity></volume>", 0)
          .free();
    }

    List<PoolSnapshot> pools =
        new PoolCollector().collect(new CollectionContext(conn, null, workers));

    PoolSnapshot collected =
        pools.stream().filter(p -> p.name().equals("default-pool")).findFirst().orElseThrow();
    assertThat(collected.volumes()).hasSize(2);
    for (VolumeSnapshot v : collected.volumes()) {
      StorageVol vol = pool.storageVolLookupByName(v.name());
      assertThat(v.path()).as(v.name()).isEqualTo(vol.getPath()).startsWith("/");
      assertThat(v.key()).isEqualTo(vol.getKey());
      vol.free();
    }
    pool.free();
  }
}
