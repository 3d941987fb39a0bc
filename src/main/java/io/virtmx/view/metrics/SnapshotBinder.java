/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.virtmx.model.HostSnapshot;
import java.util.List;

/**
 * The metrics of one kind of snapshot object (node, domain, disk…), in the spirit of a Micrometer
 * {@code MeterBinder}: declares its families with description and base unit, and adds one host's
 * series.
 */
interface SnapshotBinder {
  List<Family> families();

  void bind(HostSnapshot host, SeriesBuffer out);
}
