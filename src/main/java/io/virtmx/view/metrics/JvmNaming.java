/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;

/**
 * Keeps Micrometer's JVM and process meters within Prometheus' naming rules, so that {@code
 * promtool check metrics} has nothing to say: {@code process_cpu_seconds_total} in seconds instead
 * of {@code process_cpu_time_ns_total}, and {@code system_cpus} instead of a gauge ending in {@code
 * _count}.
 */
final class JvmNaming {
  private JvmNaming() {}

  static void apply(MeterRegistry registry) {
    registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public io.micrometer.core.instrument.Meter.Id map(
                  io.micrometer.core.instrument.Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
              }
            });
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9)
          .description("CPU time used by the agent's process.")
          .baseUnit("seconds")
          .register(registry);
    }
  }
}
