/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.bench;

import io.virtmx.Agent;
import io.virtmx.collect.HostCollector;
import io.virtmx.config.AgentConfig;
import io.virtmx.config.HostSpec;
import io.virtmx.model.HostSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One full collection by virtmx against one scrape of prometheus-libvirt-exporter, of the same
 * libvirt URI, alternated round by round so both see the same machine and libvirtd. Also reports
 * libvirtd's CPU time per round. Run by {@code bench/collect-vs-exporter.sh}; prints a Markdown
 * table.
 *
 * <p>Arguments: URI EXPORTER_URL ROUNDS [LIBVIRTD_PID]
 */
public final class CollectionBenchmark {
  private CollectionBenchmark() {}

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    URI exporter = URI.create(args[1]);
    int rounds = Integer.parseInt(args[2]);
    long libvirtd = args.length > 3 ? Long.parseLong(args[3]) : -1;
    HttpClient http = HttpClient.newHttpClient();
    AgentConfig config =
        new AgentConfig(
            List.of(new HostSpec("bench", uri)),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            true,
            AgentConfig.DEFAULT_WORKERS,
            Map.of());
    try (Agent agent = new Agent(config)) {
      if (!agent.open(false).isEmpty()) {
        throw new IllegalStateException("cannot connect to " + uri);
      }
      HostCollector collector = agent.collectors().get(0);
      long first = time(() -> collector.collectNow());
      List<Double> ours = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      List<Double> oursDaemon = new ArrayList<>();
      List<Double> theirsDaemon = new ArrayList<>();
      int domains = 0;
      long scrapeBytes = 0;
      for (int i = 0; i < rounds; i++) {
        double d0 = cpuSeconds(libvirtd);
        long t = time(() -> collector.collectNow());
        double d1 = cpuSeconds(libvirtd);
        HostSnapshot s = agent.snapshots().host("bench").orElseThrow();
        domains = s.domains().size();
        ours.add(t / 1e6);
        oursDaemon.add(d1 - d0);
        long[] size = new long[1];
        long e =
            time(
                () ->
                    size[0] =
                        http.send(
                                HttpRequest.newBuilder(exporter).build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                            .body()
                            .length);
        double d2 = cpuSeconds(libvirtd);
        theirs.add(e / 1e6);
        theirsDaemon.add(d2 - d1);
        scrapeBytes = size[0];
      }
      System.out.printf(
          Locale.ROOT, "| | virtmx full collection | exporter scrape |%n|---|---|---|%n");
      System.out.printf(
          Locale.ROOT,
          "| domains | %d | (same node, %d bytes of exposition) |%n",
          domains,
          scrapeBytes);
      System.out.printf(
          Locale.ROOT, "| first (cold JVM, definitions fetched) | %.0f ms | |%n", first / 1e6);
      System.out.printf(
          Locale.ROOT,
          "| median of %d rounds | %.0f ms | %.0f ms |%n",
          rounds,
          median(ours),
          median(theirs));
      System.out.printf(
          Locale.ROOT,
          "| libvirtd CPU per round (median) | %.2f s | %.2f s |%n",
          median(oursDaemon),
          median(theirsDaemon));
      System.out.printf(
          Locale.ROOT,
          "| **ratio virtmx / exporter (median)** | **%.2f** | |%n",
          median(ours) / median(theirs));
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  private static long time(Work w) throws Exception {
    long t0 = System.nanoTime();
    w.run();
    return System.nanoTime() - t0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * utime + stime of a process, in seconds, from /proc (clock ticks of 1/100 s); NaN if not given.
   */
  private static double cpuSeconds(long pid) throws Exception {
    if (pid < 0) {
      return Double.NaN;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }
}
