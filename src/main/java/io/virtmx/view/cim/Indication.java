/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One indication about to be matched against the filters: its kind, the namespaces its source
 * instance is served in (root/virt and root/virt/HOST for the first host), and the indication
 * instance with SourceInstance (and PreviousInstance) embedded as {@link CimInstance} values.
 *
 * @param createdNanos {@link System#nanoTime()} when the producer learnt of the event
 */
record Indication(
    IndicationKind kind, List<String> namespaces, CimInstance instance, long createdNanos) {
  private static final AtomicLong IDS = new AtomicLong();
  private static final DateTimeFormatter CIM_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS'+000'").withZone(ZoneOffset.UTC);

  /** An instance indication of {@code kind} on a host of that prefix. */
  static Indication of(
      IndicationKind kind,
      String prefix,
      List<String> namespaces,
      CimInstance source,
      CimInstance previous,
      String serverHost,
      Instant at) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("IndicationIdentifier", "virtmx:" + IDS.incrementAndGet());
    v.put("IndicationTime", CIM_TIME.format(at));
    v.put("SourceInstance", source);
    v.put("SourceInstanceModelPath", namespaces.get(0) + ":" + source.path());
    v.put("SourceInstanceHost", serverHost);
    if (previous != null) {
      v.put("PreviousInstance", previous);
    }
    String cls = kind.className(prefix);
    return new Indication(
        kind, namespaces, new CimInstance(cls, new CimObjectPath(null, cls, List.of()), v),
        System.nanoTime());
  }

  /** The instance as one destination gets it: the filter's name and its place in the sequence. */
  CimInstance forListener(String filterName, String sequenceContext, long sequenceNumber) {
    Map<String, Object> v = new LinkedHashMap<>(instance.values());
    v.put("IndicationFilterName", filterName);
    v.put("SequenceContext", sequenceContext);
    v.put("SequenceNumber", sequenceNumber);
    return new CimInstance(instance.className(), instance.path(), v);
  }
}
