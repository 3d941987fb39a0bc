/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.libvirt.LibvirtException;

/**
 * Child-JVM body of {@link NativeLeakTest}: runs one full collection (batch plus every per-domain
 * fallback, success and error paths) against the test driver many times and prints how VmRSS and
 * glibc's malloc'd bytes moved.
 */
final class LeakLoop {

  /**
   * glibc's mallinfo2() (2.33+): uordblks is the number of bytes currently malloc'd, over all
   * arenas.
   */
  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    MallInfo2 mallinfo2();
  }

  @Structure.FieldOrder({
    "arena",
    "ordblks",
    "smblks",
    "hblks",
    "hblkhd",
    "usmblks",
    "fsmblks",
    "uordblks",
    "fordblks",
    "keepcost"
  })
  public static class MallInfo2 extends Structure implements Structure.ByValue {
    public long arena;
    public long ordblks;
    public long smblks;
    public long hblks;
    public long hblkhd;
    public long usmblks;
    public long fsmblks;
    public long uordblks;
    public long fordblks;
    public long keepcost;
  }

  private LeakLoop() {}

  /**
   * Arguments: warm-up rounds, measured rounds. Prints "rssKib=… mallocBytes=…" growth over the
   * measured ones.
   */
  public static void main(String[] args)
      throws LibvirtException, IOException, InterruptedException {
    int warmup = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    LibvirtErrorOutput.silence();
    NativeConnect conn = new NativeConnect("test:///default", true);
    try {
      for (int i = 0; i < warmup; i++) {
        oneCollection(conn.nativeHandle());
      }
      settle();
      long rssBefore = vmRssKib();
      long mallocBefore = LibC.INSTANCE.mallinfo2().uordblks;
      for (int i = 0; i < rounds; i++) {
        oneCollection(conn.nativeHandle());
      }
      settle();
      System.out.println(
          "rssKib="
              + (vmRssKib() - rssBefore)
              + " mallocBytes="
              + (LibC.INSTANCE.mallinfo2().uordblks - mallocBefore));
    } finally {
      conn.close();
    }
  }

  static void oneCollection(Pointer conn) {
    try (DomainStatsBatch batch = DomainStatsBatch.fetch(conn, 0, 0)) {
      for (DomainStatsRecord rec : batch.records()) {
        Pointer dom = rec.domain();
        PerDomainStats.info(dom);
        PerDomainStats.state(dom);
        PerDomainStats.blockStats(dom, "vda").withSizes(PerDomainStats.blockInfo(dom, "vda"));
        PerDomainStats.interfaceStats(dom, "testnet0");
        PerDomainGuestStats.memoryStats(dom);
        PerDomainGuestStats.vcpus(dom);
        PerDomainGuestStats.vcpuCount(dom);
        NativeDomain.xmlDesc(dom, 0);
        NativeDomain.free(NativeDomain.ref(dom));
        expectFailure(() -> PerDomainStats.blockStats(dom, "nosuch"));
        expectFailure(() -> PerDomainStats.jobInfo(dom));
      }
    }
    HostStats.nodeCpuTimes(conn);
    nodeResources(conn);
  }

  /** The node-resource calls virtmx makes, as far as the test driver answers them. */
  private static void nodeResources(Pointer conn) {
    NodeCalls.capabilitiesXml(conn);
    NodeCalls.cellsFreeMemory(conn, 2);
    NodeCalls.freePages(conn, new int[] {4, 2048}, 2);
    NodeCalls.interfaces(conn);
    NodeCalls.nodeDeviceXmls(conn);
    expectFailure(() -> NodeCalls.memoryParameters(conn)); // not in the test driver
    expectFailure(() -> NodeCalls.secretUsageTypes(conn));
  }

  private static void expectFailure(Runnable call) {
    try {
      call.run();
      throw new AssertionError("expected a LibvirtCallException");
    } catch (LibvirtCallException expected) {
      // the error path must not leak either
    }
  }

  /**
   * Collects garbage and gives JNA's cleaner thread time to free the native memory of dead
   * ByReference args.
   */
  private static void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }

  private static long vmRssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
