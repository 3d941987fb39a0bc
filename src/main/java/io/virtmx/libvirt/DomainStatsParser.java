/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import java.util.TreeSet;

import java.util.TreeMap;

import io.virtmx.model.IoThreadStats;

import io.virtmx.model.BalloonStats;
import io.virtmx.model.BlockIo;
import io.virtmx.model.BlockSizes;
import io.virtmx.model.CpuTimes;
import io.virtmx.model.DomainState;
import io.virtmx.model.NetIo;
import io.virtmx.model.StateReason;
import io.virtmx.model.Values;
import io.virtmx.model.VcpuState;
import io.virtmx.model.VcpuStats;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pure functions from the decoded parameters of one {@code virConnectGetAllDomainStats} record to
 * model pieces; a value the record lacks comes out as -1.
 */
public final class DomainStatsParser {

  private DomainStatsParser() {}

  /**
   * Whether the record carries any parameter of {@code group} (its key prefix followed by a dot).
   */
  public static boolean hasGroup(Map<String, Object> p, StatsGroup group) {
    return hasGroup(p, group.prefix());
  }

  /** Whether the record carries any parameter whose key starts with {@code prefix + "."}. */
  public static boolean hasGroup(Map<String, Object> p, String prefix) {
    String dotted = prefix + ".";
    for (String key : p.keySet()) {
      if (key.startsWith(dotted)) {
        return true;
      }
    }
    return false;
  }

  public static Optional<StateReason> state(Map<String, Object> p) {
    long state = num(p, "state.state");
    if (state < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new StateReason(
            DomainState.ofCode((int) state), (int) Math.max(0, num(p, "state.reason"))));
  }

  public static CpuTimes cpuTimes(Map<String, Object> p) {
    return new CpuTimes(num(p, "cpu.time"), num(p, "cpu.user"), num(p, "cpu.system"));
  }

  /** The balloon group in bytes (libvirt reports its sizes in KiB). */
  public static BalloonStats balloon(Map<String, Object> p) {
    return new BalloonStats(
        kib(p, "balloon.current"),
        kib(p, "balloon.maximum"),
        kib(p, "balloon.unused"),
        kib(p, "balloon.available"),
        kib(p, "balloon.usable"),
        kib(p, "balloon.rss"),
        kib(p, "balloon.swap_in"),
        kib(p, "balloon.swap_out"),
        num(p, "balloon.major_fault"),
        num(p, "balloon.minor_fault"),
        kib(p, "balloon.disk_caches"),
        num(p, "balloon.last-update"));
  }

  public static VcpuCount vcpuCount(Map<String, Object> p) {
    return new VcpuCount((int) num(p, "vcpu.current"), (int) num(p, "vcpu.maximum"));
  }

  /**
   * vcpu.N.* entries for N below vcpu.maximum (or vcpu.current); the host CPU is not in bulk stats
   * (-1).
   */
  public static List<VcpuStats> vcpus(Map<String, Object> p) {
    long bound = Math.max(num(p, "vcpu.maximum"), num(p, "vcpu.current"));
    List<VcpuStats> out = new ArrayList<>();
    for (int i = 0; i < bound; i++) {
      String k = "vcpu." + i + ".";
      if (!p.containsKey(k + "state") && !p.containsKey(k + "time")) {
        continue;
      }
      out.add(
          new VcpuStats(
              i,
              VcpuState.ofCode((int) num(p, k + "state")),
              num(p, k + "time"),
              num(p, k + "wait"),
              num(p, k + "delay"),
              -1,
              flag(p, k + "halted")));
    }
    return List.copyOf(out);
  }

  /**
   * One entry per disk target: the first block.N entry of each name, which libvirt emits for the
   * top image before its backing chain. (Current QEMU sets block.N.backingIndex on the top image
   * too, so that key cannot tell chain entries apart.)
   */
  public static List<BlockCounters> blocks(Map<String, Object> p) {
    long count = num(p, "block.count");
    Set<String> seen = new HashSet<>();
    List<BlockCounters> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String k = "block." + i + ".";
      String name = str(p, k + "name");
      if (name != null && seen.add(name)) {
        out.add(block(p, k, name));
      }
    }
    return List.copyOf(out);
  }

  private static BlockCounters block(Map<String, Object> p, String k, String name) {
    return new BlockCounters(
        name,
        str(p, k + "path"),
        new BlockIo(
            num(p, k + "rd.reqs"),
            num(p, k + "rd.bytes"),
            num(p, k + "rd.times"),
            num(p, k + "wr.reqs"),
            num(p, k + "wr.bytes"),
            num(p, k + "wr.times"),
            num(p, k + "fl.reqs"),
            num(p, k + "fl.times"),
            num(p, k + "errors")),
        new BlockSizes(
            num(p, k + "capacity"),
            num(p, k + "allocation"),
            num(p, k + "physical"),
            num(p, k + "threshold")));
  }

  public static List<NetCounters> nets(Map<String, Object> p) {
    long count = num(p, "net.count");
    List<NetCounters> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String k = "net." + i + ".";
      String name = str(p, k + "name");
      if (name != null) {
        out.add(
            new NetCounters(
                name,
                new NetIo(
                    num(p, k + "rx.bytes"),
                    num(p, k + "rx.pkts"),
                    num(p, k + "rx.errs"),
                    num(p, k + "rx.drop"),
                    num(p, k + "tx.bytes"),
                    num(p, k + "tx.pkts"),
                    num(p, k + "tx.errs"),
                    num(p, k + "tx.drop"))));
      }
    }
    return List.copyOf(out);
  }

  /** A numeric parameter, or {@link Values#UNKNOWN} when absent or not a number. */
  /**
   * The {@code perf.<event>} counters of a domain with perf events enabled, by event name; empty
   * when the group was not returned.
   */
  public static Map<String, Long> perf(Map<String, Object> p) {
    Map<String, Long> out = new TreeMap<>();
    p.forEach(
        (k, v) -> {
          if (k.startsWith("perf.") && v instanceof Number n) {
            out.put(k.substring("perf.".length()), n.longValue());
          }
        });
    return out;
  }

  /** Each IOThread's polling statistics ({@code iothread.<id>.poll-*}), in id order. */
  public static List<IoThreadStats> iothreads(Map<String, Object> p) {
    Set<Integer> ids = new TreeSet<>();
    for (String k : p.keySet()) {
      String[] parts = k.split("\\.");
      if (parts.length == 3 && parts[0].equals("iothread") && parts[1].matches("\\d{1,9}")) {
        ids.add(Integer.parseInt(parts[1]));
      }
    }
    List<IoThreadStats> out = new ArrayList<>();
    for (int id : ids) {
      String k = "iothread." + id + ".";
      out.add(
          new IoThreadStats(
              id, num(p, k + "poll-max-ns"), num(p, k + "poll-grow"), num(p, k + "poll-shrink")));
    }
    return List.copyOf(out);
  }

  /** A boolean statistic as 1 or 0, -1 when absent ({@code virsh domstats} prints yes/no). */
  static int flag(Map<String, Object> p, String key) {
    Object v = p.get(key);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      return s.equals("yes") || s.equals("1") ? 1 : s.equals("no") || s.equals("0") ? 0 : -1;
    }
    if (v instanceof Number n) {
      return n.longValue() != 0 ? 1 : 0;
    }
    return -1;
  }

  static long num(Map<String, Object> p, String key) {
    return p.get(key) instanceof Number n ? n.longValue() : Values.UNKNOWN;
  }

  /** A parameter libvirt gives in KiB, in bytes. */
  static long kib(Map<String, Object> p, String key) {
    return Values.kibToBytes(num(p, key));
  }

  static String str(Map<String, Object> p, String key) {
    return p.get(key) instanceof String s ? s : null;
  }
}
