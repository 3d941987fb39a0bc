/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.JobInfo;
import io.virtmx.model.JobProgress;
import io.virtmx.model.JobType;
import io.virtmx.model.Snapshots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainJobStatsTest {

  /**
   * {@code virsh domjobinfo --rawstats} of vmx-guest1 migrating to hv2 with its disk copied at 20
   * MiB/s: the disk mirror done, the first pass over memory a quarter through.
   */
  @Test
  void aRunningMigrationBecomesBytesDurationsAndAProgressRatio() throws IOException {
    Map<String, Object> params = new LinkedHashMap<>();
    int type = rawStats("/fixtures/domjobinfo-migration-rawstats.txt", params);

    JobInfo job = DomainJobStats.parse(type, params);

    assertThat(job.type()).isEqualTo(JobType.UNBOUNDED);
    assertThat(job.running()).isTrue();
    assertThat(job.elapsed()).isEqualTo(Duration.ofMillis(8252));
    assertThat(job.dataTotalBytes()).isEqualTo(336470016L);
    assertThat(job.dataProcessedBytes()).isEqualTo(84306690L);
    assertThat(job.dataRemainingBytes()).isEqualTo(249077760L);
    assertThat(job.progressRatio()).isCloseTo(1 - 249077760.0 / 336470016.0, within());
    assertThat(job)
        .isEqualTo(
            Snapshots.job()
                .elapsedMs(8252)
                .data(336470016L, 84306690L, 249077760L)
                .memory(268967936L, 16804610L, 249077760L)
                .pass(0, 1, 300_000_000L)
                .disk(67502080L, 67502080L, 0)
                .build());
  }

  @Test
  void noJobIsNoneAndAnUnreportedValueIsUnknown() {
    assertThat(DomainJobStats.parse(0, Map.of("time_elapsed", 5L))).isEqualTo(JobInfo.NONE);
    assertThat(JobInfo.NONE.progressRatio()).isNaN();

    JobInfo starting = DomainJobStats.parse(2, Map.of("operation", 5L, "time_elapsed", 40L));

    assertThat(starting.dataTotalBytes()).isEqualTo(-1);
    assertThat(starting.progressRatio()).isNaN();
    assertThat(starting.progress()).isEqualTo(JobProgress.UNKNOWN);
  }

  @Test
  void dirtyPagesPerSecondBecomeBytesPerSecond() {
    JobInfo job =
        DomainJobStats.parse(
            2, Map.of("memory_dirty_rate", 250L, "memory_page_size", 4096L, "downtime", 12L));

    assertThat(job.progress().memoryDirtyRateBytesPerSecond()).isEqualTo(1_024_000L);
    assertThat(job.progress().expectedDowntimeNs()).isEqualTo(12_000_000L);
    assertThat(DomainJobStats.parse(2, Map.of("memory_dirty_rate", 250L)).progress())
        .extracting(JobProgress::memoryDirtyRateBytesPerSecond)
        .isEqualTo(-1L);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** Reads "Job type: N" and the "key: value" lines of virsh's raw statistics. */
  private static int rawStats(String resource, Map<String, Object> into) throws IOException {
    int type = -1;
    try (InputStream in = DomainJobStatsTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).strip();
        long value = Long.parseLong(line.substring(colon + 1).strip());
        if (key.equals("Job type")) {
          type = (int) value;
        } else {
          into.put(key, value);
        }
      }
    }
    return type;
  }
}
