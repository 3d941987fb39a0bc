/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.libvirt.NativeConnect;
import io.virtmx.model.NodeMemory;
import io.virtmx.testbed.TestNodeGenerator;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node memory on a test-driver node whose capabilities list no NUMA cell. */
class NodeMemoryCollectorTest {
  @Test
  void aNodeWithoutCellsIsCollectedWithoutError(@TempDir Path dir) throws Exception {
    Path node = TestNodeGenerator.write(dir.resolve("vmx-hosts-node.xml"), 2);
    ExecutorService workers = Executors.newSingleThreadExecutor();
    NativeConnect conn = new NativeConnect(TestNodeGenerator.uri(node), null, 0);
    try {
      CollectionContext context = new CollectionContext(conn, null, workers);
      NodeMemory memory = new NodeMemoryCollector().collect(context);
      assertThat(memory.cells()).isEmpty();
      assertThat(context.errors()).isEmpty();
    } finally {
      conn.close();
      workers.shutdownNow();
    }
  }
}
