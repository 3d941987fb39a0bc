/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import static io.virtmx.view.metrics.Family.info;

import io.virtmx.model.Descriptions;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.HostSnapshot;
import java.util.List;
import java.util.Map;

/**
 * One info series per domain whose metadata gave labels, e.g. {@code
 * libvirt_domain_metadata_info{host,domain,uuid,flavor="m1.small",instance="web-1",project="demo"}
 * 1}: only Nova's labels and those the operator mapped with {@code --label} exist, so the label
 * names stay under the operator's control.
 */
final class MetadataMetrics implements SnapshotBinder {
  static final Family METADATA = info("libvirt_domain_metadata", Descriptions.DOMAIN_METADATA + ".");

  @Override
  public List<Family> families() {
    return List.of(METADATA);
  }

  @Override
  public void bind(HostSnapshot host, SeriesBuffer out) {
    for (DomainSnapshot d : out.domains()) {
      Map<String, String> labels = d.metadata().labels();
      if (!labels.isEmpty()) {
        out.info(
            METADATA,
            out.domain(d)
                .merge(
                    labels.keySet().toArray(String[]::new),
                    labels.values().toArray(String[]::new)));
      }
    }
  }
}
