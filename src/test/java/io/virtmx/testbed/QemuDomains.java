/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static io.virtmx.testbed.TestBed.tryVirsh;
import static io.virtmx.testbed.TestBed.virsh;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real QEMU domains on {@code qemu:///system} for integration tests.
 *
 * <pre>{@code
 * try (QemuDomains vms = QemuDomains.start(2)) {
 *     vms.pokeNetwork();
 *     Map<String, String> s = TestBed.domstats(TestBed.QEMU_URI, vms.names().get(0));
 * }
 * }</pre>
 *
 * <p>Each domain: 256 MiB, 2 vCPUs, machine {@code pc}, virtio disks vda (64 MiB qcow2) and vdb (16
 * MiB qcow2), a virtio NIC on bridge {@value #BRIDGE} with its option ROM off, a virtio balloon
 * with 2 s stats period, a pty serial console, no graphics. There is no guest OS: vda carries a
 * 63-byte boot sector that, through SeaBIOS int 13h, reads vdb sector 0, reads vda sector 1, writes
 * vdb sector 1, then halts for ~1 s (18 timer ticks) and loops. So {@code block.0.rd.*}, {@code
 * block.1.rd.*} and {@code block.1.wr.*} keep growing (~512 B/s each) at ~1 % host CPU per domain.
 * Network counters only move through {@link #pokeNetwork()}.
 *
 * <p>Domains are named {@value #PREFIX}{@code <n>} (lowest free n) and carry their owner's pid in
 * {@code <metadata>}; {@link #start} first removes such domains whose owner process is gone.
 */
public final class QemuDomains implements AutoCloseable {

  public static final String BRIDGE = "virtmxbr0";
  public static final String PREFIX = "virtmx-it-";
  public static final int MEMORY_MIB = 256;
  public static final int VCPUS = 2;

  /** Property to force the domain type: {@code kvm} or {@code qemu} (TCG). */
  public static final String VIRTTYPE_PROPERTY = "virtmx.it.virttype";

  private static final String META_NS = "urn:virtmx:testbed";
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(30);

  /** .code16 boot sector, see class comment; assembled with GNU as, checked with objdump. */
  private static final byte[] BOOT_CODE =
      hex(
          "fa31c08ed88ec08ed0bc007cfb" // cli; ds=es=ss=0; sp=0x7c00; sti
              + "b80102b90100ba8100bb0080cd13" // again: read 1 sector C0/H0/S1 of drive 0x81 ->
              // 0:8000
              + "b80102b90200ba8000bb0082cd13" // read 1 sector C0/H0/S2 of drive 0x80 -> 0:8200
              + "b80103b90200ba8100bb0080cd13" // write 0:8000 -> C0/H0/S2 of drive 0x81
              + "b91200f4e2fd" // cx=18; w: hlt; loop w
              + "ebce"); // jmp again

  private final Path dir;
  private final String virtType;
  private final List<String> names;
  private final String prefix;
  private boolean closed;

  private QemuDomains(Path dir, String virtType, List<String> names, String prefix) {
    this.dir = dir;
    this.virtType = virtType;
    this.names = names;
    this.prefix = prefix;
  }

  /**
   * Ensures libvirtd and the bridge, removes leftovers of crashed runs, then defines and starts
   * {@code count} domains and checks that they are still running 5 s after start. On any failure,
   * whatever was created is removed again.
   */
  public static QemuDomains start(int count) {
    return start(count, PREFIX);
  }

  /**
   * As {@link #start(int)}, the domains named {@code prefix<n>} (e.g. a helper's own {@code
   * vmx-NAME-}); leftovers of that prefix are removed first.
   */
  public static QemuDomains start(int count, String prefix) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1");
    }
    TestBed.ensureLibvirtd();
    cleanupLeftovers(prefix);
    ensureBridge();
    Path dir = createDiskDir(prefix);
    String type = preferredVirtType();
    List<String> names = new ArrayList<>();
    QemuDomains domains = new QemuDomains(dir, type, names, prefix);
    try {
      for (int i = 0; i < count; i++) {
        if (i == 0 && "kvm".equals(domains.virtType)) {
          String problem;
          try {
            String name = domains.defineAndStart();
            problem = settlesRunning(name) ? null : name + " is " + state(name);
          } catch (RuntimeException e) {
            problem = e.getMessage();
          }
          if (problem == null) {
            continue;
          }
          // e.g. nested KVM failing in real mode (emulation failure -> paused)
          System.err.println(
              "[testbed] KVM does not work here ("
                  + problem
                  + "); falling back to TCG (type='qemu')");
          for (String n : List.copyOf(names)) {
            removeDomain(n);
          }
          names.clear();
          domains = new QemuDomains(dir, "qemu", names, prefix);
        }
        domains.defineAndStart();
      }
      domains.awaitAllRunning();
      TestBed.sleep(SETTLE);
      for (String n : names) {
        String st = state(n);
        if (!st.startsWith("running")) {
          throw new IllegalStateException(
              n + " did not stay running: " + st + "\n" + qemuLogTail(n));
        }
      }
      return domains;
    } catch (RuntimeException e) {
      domains.close();
      throw e;
    }
  }

  /** Names of the domains this instance defined, in creation order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** {@code kvm} or {@code qemu} (TCG): the domain type actually used. */
  public String virtType() {
    return virtType;
  }

  /** Directory holding the disk images (removed by {@link #close()}). */
  public Path dir() {
    return dir;
  }

  /** Path of a domain's disk image, {@code target} being {@code vda} or {@code vdb}. */
  public Path disk(String name, String target) {
    return dir.resolve(name + "-" + target + ".qcow2");
  }

  /**
   * Makes the NIC counters of every domain non-zero, in both directions.
   *
   * <ul>
   *   <li>host to guest ({@code net.N.rx.*}): UDP datagrams to {@code ff02::1} on the bridge (or to
   *       the IPv4 broadcast of the bridge's address when it has no IPv6), flooded to every tap.
   *       With no guest driver the virtio rx ring is empty, so QEMU takes only the first frame off
   *       the tap and stops reading: {@code rx.pkts} reaches 1 and then stays there (later frames
   *       sit in the tap queue; after ~1000 they count as {@code rx.drop}).
   *   <li>guest to host ({@code net.N.tx.*}): QMP {@code announce-self} through {@code virsh
   *       qemu-monitor-command}: QEMU itself sends RARP frames (60 bytes each) from the NIC's MAC
   *       into the tap, 3 per call. This marks the domain as tainted ({@code custom-monitor}) in
   *       its log, which is harmless here.
   * </ul>
   */
  public void pokeNetwork() {
    sendToBridge(3);
    for (String n : names) {
      virsh(
          "qemu-monitor-command",
          n,
          "{\"execute\":\"announce-self\",\"arguments\":"
              + "{\"initial\":50,\"max\":550,\"rounds\":3,\"step\":100}}");
    }
  }

  /** Destroys and undefines the domains it defined, then removes the disk directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> failures = new ArrayList<>();
    for (String n : names) {
      try {
        removeDomain(n);
      } catch (RuntimeException e) {
        failures.add(n + ": " + e.getMessage());
      }
    }
    deleteTree(dir);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("cleanup failed: " + failures);
    }
  }

  // ---------------------------------------------------------------------------------------
  // static helpers

  /** Creates {@value #BRIDGE} and sets it up, if it is not there; the bridge is never removed. */
  public static synchronized void ensureBridge() {
    if (!TestBed.run(List.of("ip", "link", "show", "dev", BRIDGE)).ok()) {
      TestBed.Result add = TestBed.run(List.of("ip", "link", "add", BRIDGE, "type", "bridge"));
      if (!add.ok() && !add.stderr().contains("File exists")) {
        add.orThrow();
      }
    }
    TestBed.exec("ip", "link", "set", BRIDGE, "up");
  }

  /**
   * True when KVM should work: {@code /dev/kvm} exists and libvirt reports kvm domain capabilities.
   * Whether it works <em>in practice</em> is checked by {@link #start}, which falls back to TCG
   * when the first KVM domain does not stay running.
   */
  public static boolean kvmAvailable() {
    return Files.exists(Path.of("/dev/kvm"))
        && tryVirsh("domcapabilities", "--virttype", "kvm", "--arch", "x86_64").ok();
  }

  /**
   * Destroys and undefines every {@value #PREFIX}* domain whose owning process (recorded in its
   * metadata) is gone, or that has no owner record at all, and deletes its disk directory. Domains
   * of other live test JVMs are left alone.
   */
  public static void cleanupLeftovers() {
    cleanupLeftovers(PREFIX);
  }

  private static void cleanupLeftovers(String prefix) {
    for (String n : virsh("list", "--all", "--name").lines().map(String::strip).toList()) {
      if (!n.startsWith(prefix)) {
        continue;
      }
      Optional<Owner> owner = owner(n);
      if (owner.isPresent() && owner.get().alive()) {
        continue;
      }
      System.err.println("[testbed] removing leftover domain " + n);
      removeDomain(n);
      owner
          .map(Owner::dir)
          .filter(d -> d.getFileName().toString().startsWith(prefix))
          .ifPresent(QemuDomains::deleteTree);
    }
  }

  // ---------------------------------------------------------------------------------------
  // internals

  private record Owner(long pid, long startMillis, Path dir) {
    boolean alive() {
      return ProcessHandle.of(pid)
          .flatMap(h -> h.info().startInstant())
          .map(i -> i.toEpochMilli() == startMillis)
          .orElse(false);
    }
  }

  private static final Pattern OWNER =
      Pattern.compile(
          "pid=['\"](\\d+)['\"]\\s+start=['\"](-?\\d+)['\"]\\s+dir=['\"]([^'\"]*)['\"]");

  private static Optional<Owner> owner(String name) {
    TestBed.Result r = tryVirsh("metadata", name, META_NS);
    if (!r.ok()) {
      return Optional.empty();
    }
    Matcher m = OWNER.matcher(r.stdout());
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new Owner(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Path.of(m.group(3))));
  }

  private static String preferredVirtType() {
    String forced = System.getProperty(VIRTTYPE_PROPERTY, "").strip();
    if (!forced.isEmpty()) {
      return forced;
    }
    return kvmAvailable() ? "kvm" : "qemu";
  }

  private static Path createDiskDir(String prefix) {
    try {
      Path d = Files.createTempDirectory(prefix);
      // qemu runs as libvirt-qemu: it must be able to traverse the directory.
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Defines and starts one domain under the lowest free name; returns that name. */
  private String defineAndStart() {
    for (int n = 1; n < 1000; n++) {
      String name = prefix + n;
      if (tryVirsh("dominfo", name).ok()) {
        continue;
      }
      createDisks(name);
      Path xml = dir.resolve(name + ".xml");
      try {
        Files.writeString(xml, domainXml(name), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestBed.Result def = tryVirsh("define", xml.toString());
      if (!def.ok()) {
        if (def.stderr().contains("already exists")) {
          continue; // another JVM took the name meanwhile
        }
        def.orThrow();
      }
      names.add(name);
      TestBed.Result st = tryVirsh("start", name);
      if (!st.ok()) {
        throw new IllegalStateException(
            "cannot start "
                + name
                + " (type "
                + virtType
                + "): "
                + st.stderr().strip()
                + "\n"
                + qemuLogTail(name));
      }
      return name;
    }
    throw new IllegalStateException("no free " + PREFIX + "<n> name");
  }

  private void createDisks(String name) {
    Path vda = disk(name, "vda");
    Path vdb = disk(name, "vdb");
    Path raw = dir.resolve(name + "-vda.raw");
    try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
      byte[] mbr = new byte[512];
      System.arraycopy(BOOT_CODE, 0, mbr, 0, BOOT_CODE.length);
      mbr[510] = 0x55;
      mbr[511] = (byte) 0xaa;
      f.write(mbr);
      f.setLength(64L << 20);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestBed.exec(
        "qemu-img", "convert", "-q", "-f", "raw", "-O", "qcow2", raw.toString(), vda.toString());
    TestBed.deleteQuietly(raw);
    TestBed.exec("qemu-img", "create", "-q", "-f", "qcow2", vdb.toString(), "16M");
  }

  private String domainXml(String name) {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    return """
                <domain type='%s'>
                  <name>%s</name>
                  <metadata>
                    <virtmx:owner xmlns:virtmx='%s' pid='%d' start='%d' dir='%s'/>
                  </metadata>
                  <memory unit='MiB'>%d</memory>
                  <currentMemory unit='MiB'>%d</currentMemory>
                  <vcpu placement='static' current='%d'>%d</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                  </os>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                      <boot order='1'/>
                    </disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vdb' bus='virtio'/>
                      <boot order='2'/>
                    </disk>
                    <interface type='bridge'>
                      <source bridge='%s'/>
                      <model type='virtio'/>
                      <rom bar='off'/>
                    </interface>
                    <serial type='pty'/>
                    <memballoon model='virtio'>
                      <stats period='2'/>
                    </memballoon>
                  </devices>
                </domain>
                """
        .formatted(
            virtType,
            name,
            META_NS,
            self.pid(),
            start,
            dir,
            MEMORY_MIB,
            MEMORY_MIB,
            VCPUS,
            VCPUS,
            disk(name, "vda"),
            disk(name, "vdb"),
            BRIDGE);
  }

  private void awaitAllRunning() {
    long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
    for (String n : names) {
      while (!state(n).startsWith("running")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              n + " is not running: " + state(n) + "\n" + qemuLogTail(n));
        }
        TestBed.sleep(Duration.ofMillis(200));
      }
    }
  }

  private static boolean settlesRunning(String name) {
    TestBed.sleep(Duration.ofSeconds(3));
    return state(name).startsWith("running");
  }

  /** {@code virsh domstate --reason}, e.g. {@code running (booted)} or {@code paused (unknown)}. */
  public static String state(String name) {
    TestBed.Result r = tryVirsh("domstate", name, "--reason");
    return r.ok() ? r.stdout().strip() : "unknown: " + r.stderr().strip();
  }

  private static void removeDomain(String name) {
    TestBed.Result d = tryVirsh("destroy", name);
    if (!d.ok()
        && !d.stderr().contains("not running")
        && !d.stderr().contains("failed to get domain")) {
      d.orThrow();
    }
    // --nvram fails for domains without one on some versions: fall back to the plain form.
    TestBed.Result u =
        tryVirsh(
            "undefine",
            name,
            "--managed-save",
            "--snapshots-metadata",
            "--checkpoints-metadata",
            "--nvram");
    if (!u.ok()) {
      u = tryVirsh("undefine", name, "--managed-save", "--snapshots-metadata");
    }
    if (!u.ok() && !u.stderr().contains("failed to get domain")) {
      u.orThrow();
    }
  }

  private static String qemuLogTail(String name) {
    Path log = Path.of("/var/log/libvirt/qemu", name + ".log");
    try {
      List<String> lines = Files.readAllLines(log);
      return "--- "
          + log
          + " (tail) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no " + log + ")";
    }
  }

  private static void sendToBridge(int count) {
    try {
      // Java only sees interfaces that have an address: without IPv6 the bridge is invisible
      // until ensureIpv4OnBridge() gives it one.
      NetworkInterface nif = NetworkInterface.getByName(BRIDGE);
      byte[] payload = "virtmx-testbed".getBytes(StandardCharsets.US_ASCII);
      InetSocketAddress target = null;
      InetAddress bindTo = null;
      boolean hasV6 =
          nif != null
              && nif.inetAddresses()
                  .anyMatch(a -> a instanceof Inet6Address && a.isLinkLocalAddress());
      if (hasV6) {
        byte[] allNodes = new byte[16];
        allNodes[0] = (byte) 0xff;
        allNodes[1] = 0x02;
        allNodes[15] = 0x01;
        target = new InetSocketAddress(Inet6Address.getByAddress(null, allNodes, nif), 9);
      } else {
        ensureIpv4OnBridge();
        nif = NetworkInterface.getByName(BRIDGE);
        if (nif == null) {
          throw new IllegalStateException(
              "Java does not see " + BRIDGE + " even with an IPv4 address");
        }
        for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
          if (ia.getAddress() instanceof Inet4Address && ia.getBroadcast() != null) {
            bindTo = ia.getAddress();
            target = new InetSocketAddress(ia.getBroadcast(), 9);
          }
        }
      }
      if (target == null) {
        throw new IllegalStateException("no address on " + BRIDGE + " to send from");
      }
      try (DatagramSocket s =
          bindTo == null
              ? new DatagramSocket()
              : new DatagramSocket(new InetSocketAddress(bindTo, 0))) {
        s.setBroadcast(true);
        for (int i = 0; i < count; i++) {
          s.send(new DatagramPacket(payload, payload.length, target));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fallback when IPv6 is disabled: a link-local IPv4 /24 on the bridge. */
  private static void ensureIpv4OnBridge() {
    String addrs = TestBed.exec("ip", "-4", "-o", "addr", "show", "dev", BRIDGE);
    if (addrs.isBlank()) {
      TestBed.exec("ip", "addr", "add", "169.254.77.1/24", "brd", "+", "dev", BRIDGE);
    }
  }

  private static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(TestBed::deleteQuietly);
    } catch (IOException ignored) {
      // best effort
    }
  }

  private static byte[] hex(String s) {
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
