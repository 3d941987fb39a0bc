/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.itsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsPageTest {
  private static final String PAGE =
      "# TYPE libvirt_up gauge\n"
          + "libvirt_up{host=\"h1\",uri=\"qemu:///system\"} 1.0\n"
          + "virtmx_snapshot_stale{host=\"h1\"} 0\n";

  @Test
  void matchesASampleOfTheSeriesWithThatValueWhateverItsLabels() {
    assertThat(MetricsPage.sample("libvirt_up", 1)).accepts(PAGE);
    assertThat(MetricsPage.sample("virtmx_snapshot_stale", 0)).accepts(PAGE);
    assertThat(MetricsPage.sample("libvirt_up", 0)).rejects(PAGE);
    assertThat(MetricsPage.sample("virtmx_snapshot_stale", 1)).rejects(PAGE);
    assertThat(MetricsPage.sample("libvirt", 1)).as("a whole series name").rejects(PAGE);
    assertThat(MetricsPage.sample("up", 1)).as("from the line's start").rejects(PAGE);
  }
}
