/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.Agent;
import io.virtmx.config.AgentConfig;
import io.virtmx.config.HostSpec;
import io.virtmx.model.FixedSource;
import io.virtmx.model.HostSnapshot;
import io.virtmx.security.Authenticator;
import io.virtmx.security.UsersFile;
import io.virtmx.testbed.AgentProcess;
import io.virtmx.testbed.TestUsers;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Benchmark of the JMX view (run by {@code bench/jmx.sh}): time to register every MBean of one big
 * host snapshot, and latency of remote getAttribute calls on Domain MBeans over the authenticated
 * RMI connector. Prints {@code key=value} lines.
 */
public final class JmxBench {
  private JmxBench() {}

  public static void main(String[] args) throws Exception {
    String uri = args[0];
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    try (Agent agent =
        new Agent(
            new AgentConfig(
                List.of(HostSpec.parse("bench=" + uri)),
                Duration.ofHours(1),
                Duration.ofMinutes(2),
                false,
                4,
                Map.of()))) {
      if (!agent.open(false).isEmpty()) {
        throw new IllegalStateException("cannot open " + uri);
      }
      HostSnapshot snapshot = agent.collectOnce(Duration.ofMillis(500)).get(0);
      System.out.println("domains=" + snapshot.domains().size());
      registration(agent, snapshot);
      remote(agent, snapshot, calls);
    }
    System.exit(0);
  }

  private static void registration(Agent agent, HostSnapshot snapshot) {
    MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();
    double[] ms = new double[7];
    int mbeans = 0;
    for (int run = 0; run < ms.length; run++) {
      MBeanRegistry registry =
          new MBeanRegistry(mbs, new FixedSource(snapshot), agent.operations(), sweeper);
      long t0 = System.nanoTime();
      registry.updated(null, snapshot);
      ms[run] = (System.nanoTime() - t0) / 1e6;
      mbeans = registry.size();
      long t1 = System.nanoTime();
      registry.updated(snapshot, snapshot);
      if (run == ms.length - 1) {
        System.out.printf("resync_unchanged_ms=%.1f%n", (System.nanoTime() - t1) / 1e6);
      }
      registry.clear();
    }
    sweeper.shutdownNow();
    System.out.println("mbeans=" + mbeans);
    System.out.printf("register_first_ms=%.1f%n", ms[0]);
    double[] rest = Arrays.copyOfRange(ms, 1, ms.length);
    Arrays.sort(rest);
    System.out.printf("register_median_ms=%.1f%n", rest[rest.length / 2]);
  }

  private static void remote(Agent agent, HostSnapshot snapshot, int calls) throws Exception {
    Path users = Files.createTempFile("virtmx-bench", ".users");
    TestUsers.viewer("bench", "bench-password").save(users);
    int port = AgentProcess.freePort();
    JmxView view =
        new JmxView(
            agent.snapshots(),
            agent.operations(),
            new JmxView.RemoteSettings(
                InetAddress.getLoopbackAddress(),
                port,
                null,
                JmxView.RemoteSettings.DEFAULT_READ_TIMEOUT),
            Authenticator.of(UsersFile.load(users)));
    view.start();
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    try (JMXConnector c =
        JMXConnectorFactory.connect(
            url, Map.of(JMXConnector.CREDENTIALS, new String[] {"bench", "bench-password"}))) {
      MBeanServerConnection mbs = c.getMBeanServerConnection();
      List<ObjectName> names =
          snapshot.domains().stream().map(d -> ObjectNames.domain("bench", d.name())).toList();
      String[] attributes = {"State", "CpuTimeNs", "MemoryKib", "BalloonRssKib", "CpuPercent"};
      time(mbs, names, attributes, calls); // warm-up
      double[] us = time(mbs, names, attributes, calls);
      Arrays.sort(us);
      System.out.printf(
          "get_calls=%d%nget_median_ms=%.3f%nget_p99_ms=%.3f%n",
          calls, us[us.length / 2] / 1000, us[(int) (us.length * 0.99)] / 1000);
    } finally {
      view.close();
      Files.deleteIfExists(users);
    }
  }

  private static double[] time(
      MBeanServerConnection mbs, List<ObjectName> names, String[] attributes, int calls)
      throws Exception {
    double[] us = new double[calls];
    for (int i = 0; i < calls; i++) {
      ObjectName name = names.get(i % names.size());
      long t0 = System.nanoTime();
      mbs.getAttribute(name, attributes[i % attributes.length]);
      us[i] = (System.nanoTime() - t0) / 1e3;
    }
    return us;
  }
}
