/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LowPriorityThreadsTest {
  /** The nice value of the calling thread (field 19 of its stat line). */
  private static int niceOfThisThread() throws Exception {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
  }

  @Test
  void aRequestThreadRunsAtALowerPriorityThanTheThreadThatMadeIt() throws Exception {
    int creator = niceOfThisThread();
    AtomicReference<Object> nice = new AtomicReference<>();
    Thread t =
        new LowPriorityThreads("test")
            .newThread(
                () -> {
                  try {
                    nice.set(niceOfThisThread());
                  } catch (Exception e) {
                    nice.set(e);
                  }
                });
    t.start();
    t.join();
    assertThat(nice.get()).isEqualTo(Math.max(creator, LowPriorityThreads.NICE));
  }
}
