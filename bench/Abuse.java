// Load-and-abuse probes of issue 9 against a running virtmx agent, on loopback only. JDK only, one file:
//   java bench/Abuse.java PROBE [--quick] [--name value]...    PROBE: bigbody, stall, load, jmx, guess or all
//   java bench/Abuse.java health [--name value]...             which agents ("main", "tls") fail a normal request
// bench/abuse.sh starts the agents and passes every option (listed at Options below). Each probe prints its figures
// and a line "RESULT probe PASS|FAIL: summary"; the exit status is 1 when a probe fails.

import java.io.*;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.KeyStore;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.management.*;
import javax.management.remote.*;
import javax.net.ssl.*;

/** Runs one probe, or all of them, against the agent and exits 1 when one misses its targets. */
public class Abuse {
  // Targets of issue 9.
  static final long NORMAL_P99_MS = 1000, BODY_ANSWER_MS = 1000, RSS_GROWTH_KB = 16 * 1024, GUESS_READ_P99_MS = 100;
  // "Refused before it is read": at most this much body sent before the answer (loopback socket buffers hold ~10 MB).
  static final long BODY_SENT_MB = 32;
  // Audit lines the guess probe counts (logger io.virtmx.audit; the format is not settled, so match loosely).
  static final String AUDIT_FAILED = "(?i)(login|auth\\w*).*fail|fail.*(login|auth\\w*)";
  static final String AUDIT_LOCKED = "(?i)(login|auth\\w*|user).*lock|lock.*(login|auth\\w*|user)";

  static final InetAddress CLIENT = address("127.0.0.1");
  static final byte[] HALF_CLIENT_HELLO = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01}; // record header + ClientHello type
  static SSLContext tls;

  interface Probe {
    boolean run(Options o) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Map<String, Probe> probes = new LinkedHashMap<>();
    probes.put("bigbody", Abuse::bigBody);
    probes.put("stall", Abuse::stall);
    probes.put("load", Abuse::load);
    probes.put("jmx", Abuse::jmx);
    probes.put("guess", Abuse::guess);
    if (args.length == 0 || !(probes.containsKey(args[0]) || args[0].matches("all|health"))) {
      System.err.println("usage: java bench/Abuse.java PROBE|all|health [--quick] [--name value]...");
      System.exit(2);
    }
    Options o = new Options(Arrays.copyOfRange(args, 1, args.length));
    tls = trustContext(o);
    if (args[0].equals("health")) {
      System.exit(health(o) ? 0 : 1);
    }
    boolean pass = true;
    for (String name : args[0].equals("all") ? List.copyOf(probes.keySet()) : List.of(args[0])) {
      pass &= probes.get(name).run(o);
      if (o.pid > 0 && !ProcessHandle.of(o.pid).map(ProcessHandle::isAlive).orElse(false)) {
        verdict(name, false, "the agent (pid " + o.pid + ") exited during the probe");
        System.exit(1);
      }
    }
    System.exit(pass ? 0 : 1);
  }

  /** Prints "main" when a plain view, "tls" when a TLS view does not answer a normal request in 5 s. */
  static boolean health(Options o) {
    Set<String> sick = new TreeSet<>();
    for (View v : o.views()) {
      if (!exchange(v.http, CLIENT, v.normalRequest(v.http, o.viewer.header()), 5000, 0).ok()) {
        sick.add("main");
      }
      if (v.https != null && !exchange(v.https, CLIENT, v.normalRequest(v.https, o.viewer.header()), 5000, 0).ok()) {
        sick.add("tls");
      }
    }
    System.out.println(String.join(" ", sick));
    return sick.isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Probe "bigbody": a 1 GB POST (Content-Length or chunked, without then with credentials) to each view must be
  // refused before it is read: 401 or 413 within 1 s, and agent RSS growth of 16 MB at most.

  static boolean bigBody(Options o) throws Exception {
    long size = o.num("body-mb", 1024, 1024) * (1L << 20);
    int timeoutMs = o.num("body-timeout-s", 10, 3) * 1000;
    say("== bigbody: POST of %d MB to each view, generated on the fly; sending stops at the answer (timeout %d s)",
        size >> 20, timeoutMs / 1000);
    int cases = 0, good = 0;
    long slowest = 0, mostRss = 0, logFrom = size(o.agentLog);
    for (View v : o.views()) {
      for (String who : List.of("anonymous", "viewer")) {
        for (boolean chunked : List.of(false, true)) {
          BodyResult r = postBigBody(o, v, who.equals("viewer") ? o.viewer.header() : null, chunked, size, timeoutMs);
          List<Integer> expected = who.equals("anonymous") ? List.of(401, 413)
              : v.name.equals("metrics") ? List.of(413, 405) : List.of(413);
          boolean ok = expected.contains(r.status) && r.ms <= BODY_ANSWER_MS && r.sent <= BODY_SENT_MB << 20
              && r.rssGrowthKb <= RSS_GROWTH_KB;
          say("  %-8s %-9s %-14s -> %-9s after %5d ms, %6.1f MB sent, agent RSS %-8s %s", v.name, who,
              chunked ? "chunked" : "Content-Length", r.status > 0 ? "HTTP " + r.status : r.failure, r.ms,
              r.sent / 1048576.0, kb(r.rssGrowthKb, true), ok ? "ok" : "FAIL (want " + expected + ")");
          cases++;
          good += ok ? 1 : 0;
          slowest = Math.max(slowest, r.ms);
          mostRss = Math.max(mostRss, r.rssGrowthKb);
          Thread.sleep(500);
        }
      }
    }
    say("  targets: anonymous 401/413, with credentials 413 (405 also accepted from /metrics, which takes no body);"
        + " answer <= %d ms after at most %d MB sent; RSS growth <= %d MB", BODY_ANSWER_MS, BODY_SENT_MB,
        RSS_GROWTH_KB / 1024);
    String oom = outOfMemory(o, logFrom);
    return verdict("bigbody", good == cases && oom.isEmpty(), String.format("%d of %d refused in time; slowest answer"
        + " %d ms, most RSS growth %s%s", good, cases, slowest, kb(mostRss, true), oom));
  }

  record BodyResult(int status, String failure, long ms, long sent, long rssGrowthKb) {}

  /** Streams the body until the server answers or closes, or the timeout; a reader thread waits for the answer. */
  static BodyResult postBigBody(Options o, View v, String auth, boolean chunked, long size, int timeoutMs)
      throws Exception {
    try (RssSampler rss = new RssSampler(o.pid, 50); Socket s = connect(v.http, CLIENT, 2000)) {
      long start = System.nanoTime();
      AtomicLong sent = new AtomicLong();
      AtomicReference<BodyResult> answer = new AtomicReference<>();
      Thread reader = daemon("bigbody-reader", () -> {
        String failure = null;
        int status = 0;
        try {
          s.setSoTimeout(timeoutMs);
          status = statusOf(readLine(s.getInputStream()));
        } catch (IOException e) {
          failure = failure(e);
        }
        answer.set(new BodyResult(status, failure, (System.nanoTime() - start) / 1_000_000, sent.get(), 0));
        closeQuietly(s); // stops the writer
      });
      try {
        OutputStream out = s.getOutputStream();
        out.write(v.bigBodyHead(auth, chunked, size));
        writePart(out, v.bodyPrefix().getBytes(StandardCharsets.US_ASCII), chunked, sent);
        byte[] block = v.bodyBlock(64 * 1024);
        while (sent.get() < size && reader.isAlive() && System.nanoTime() - start < timeoutMs * 1_000_000L) {
          long left = size - sent.get();
          writePart(out, left >= block.length ? block : Arrays.copyOf(block, (int) left), chunked, sent);
        }
        if (sent.get() >= size && chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException e) {
        // the reader closed the socket on the answer, or the server closed or reset it
      }
      reader.join(timeoutMs + 1000L);
      Thread.sleep(300); // let RSS show what the request left behind
      BodyResult r = answer.get() != null ? answer.get() : new BodyResult(0, "no answer", timeoutMs, sent.get(), 0);
      return new BodyResult(r.status, r.failure, r.ms, r.sent, rss.growthKb());
    }
  }

  /** Writes part of a body, as one chunk when chunked, and counts it. */
  static void writePart(OutputStream out, byte[] part, boolean chunked, AtomicLong sent) throws IOException {
    if (part.length == 0) {
      return;
    }
    if (chunked) {
      out.write((Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(part);
    if (chunked) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    sent.addAndGet(part.length);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Probe "stall": per view, N connections that hold the server (half requests, unread big answers, half TLS
  // handshakes) while one client keeps sending normal requests: those must answer (p99 <= 1 s), and the server
  // must close every stalled connection within its configured timeout.

  static final String HALF_REQUEST = "half-request", UNREAD = "unread-answer", HALF_TLS = "half-tls";

  static boolean stall(Options o) throws Exception {
    int perView = o.num("stall-conns", 200, 50), sources = o.num("stall-sources", 10, 10);
    long allowedMs = o.num("stall-timeout", 10, 10) * 1000L + 2000, windowMs = allowedMs + 3000;
    boolean parallel = o.num("stall-parallel", 0, 1) == 1;
    say("== stall: %d stalled connections per view (%s) from 127.0.2.1-%d, held %d s%s; closes allowed within %d s"
        + " (timeout + 2 s); normal requests from 127.0.0.1 every 200 ms", perView,
        String.join(", ", HALF_REQUEST, UNREAD, HALF_TLS), sources, windowMs / 1000,
        parallel ? ", all views at once" : ", one view after the other", allowedMs / 1000);
    long logFrom = size(o.agentLog);
    List<Future<ViewStall>> reports = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel ? 3 : 1);
    for (View v : o.views()) {
      reports.add(pool.submit(() -> stallView(o, v, perView, sources, allowedMs, windowMs)));
    }
    boolean pass = true;
    StringJoiner summary = new StringJoiner("; ");
    for (Future<ViewStall> f : reports) {
      ViewStall r = f.get(windowMs * 3 + 60_000, TimeUnit.MILLISECONDS);
      r.lines.forEach(System.out::println);
      pass &= r.pass;
      summary.add(r.summary);
    }
    pool.shutdownNow();
    return verdict("stall", pass, summary + outOfMemory(o, logFrom));
  }

  record ViewStall(boolean pass, String summary, List<String> lines) {}

  /** One stalled connection: what it sent, where from, and when the server closed it. */
  static final class Stalled {
    final String kind;
    final URI target;
    final long openedNanos = System.nanoTime();
    SocketChannel channel;
    InetSocketAddress local;
    long closedNanos = -1;
    String failure;

    Stalled(String kind, URI target) {
      this.kind = kind;
      this.target = target;
    }

    long closedAfterMs() {
      return (closedNanos - openedNanos) / 1_000_000;
    }
  }

  static ViewStall stallView(Options o, View v, int n, int sources, long allowedMs, long windowMs) throws Exception {
    try (RssSampler rss = new RssSampler(o.pid, 1000)) {
      List<Stalled> stalled = openStalled(o, v, n, sources);
      long deadline = System.nanoTime() + windowMs * 1_000_000;
      Tally normal = new Tally();
      Thread client = daemon("stall-normal-" + v.name, () -> normalRequests(o, v, normal, deadline));
      watchCloses(stalled, deadline);
      client.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 6000);
      stalled.forEach(s -> closeQuietly(s.channel));
      List<String> lines = new ArrayList<>();
      for (String kind : List.of(HALF_REQUEST, UNREAD, HALF_TLS)) {
        reportStalled(v, kind, stalled, allowedMs, windowMs, lines);
      }
      lines.add(String.format("  %-8s normal requests meanwhile: %s; agent RSS max %s", v.name, normal.summary(),
          kb(rss.maxKb(), false)));
      long connected = stalled.stream().filter(s -> s.channel != null).count();
      long inTime = stalled.stream().filter(s -> s.channel != null && s.closedNanos >= 0)
          .filter(s -> s.closedAfterMs() <= allowedMs).count();
      long p99 = normal.percentileMs(0.99);
      boolean pass = inTime == connected && normal.errors() == 0 && p99 <= NORMAL_P99_MS;
      return new ViewStall(pass, String.format("%s: %d of %d closed in time, normal requests p99 %s (%d failed)",
          v.name, inTime, connected, ms(p99), normal.errors()), lines);
    }
  }

  static List<Stalled> openStalled(Options o, View v, int n, int sources) {
    List<String> kinds = v.https == null ? List.of(HALF_REQUEST, UNREAD) : List.of(HALF_REQUEST, UNREAD, HALF_TLS);
    List<Stalled> stalled = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String kind = kinds.get(i % kinds.size());
      Stalled s = new Stalled(kind, kind.equals(HALF_TLS) ? v.https : v.http);
      byte[] first = switch (kind) {
        case HALF_REQUEST -> v.halfRequest().getBytes(StandardCharsets.US_ASCII);
        case UNREAD -> v.bigRequest(o.viewer.header());
        default -> HALF_CLIENT_HELLO;
      };
      try {
        s.channel = SocketChannel.open();
        if (kind.equals(UNREAD)) {
          s.channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096); // so the server cannot write it all at once
        }
        s.channel.bind(new InetSocketAddress(address("127.0.2." + (1 + i % sources)), 0));
        s.channel.socket().connect(new InetSocketAddress(s.target.getHost(), s.target.getPort()), 2000);
        s.local = (InetSocketAddress) s.channel.getLocalAddress();
        s.channel.write(ByteBuffer.wrap(first));
        s.channel.configureBlocking(false);
      } catch (IOException e) {
        s.failure = failure(e);
        closeQuietly(s.channel);
        s.channel = null;
      }
      stalled.add(s);
    }
    return stalled;
  }

  /** Normal authenticated requests, alternately to the view's HTTP and HTTPS address, until the deadline. */
  static void normalRequests(Options o, View v, Tally tally, long deadline) {
    List<URI> targets = v.https == null ? List.of(v.http) : List.of(v.http, v.https);
    for (int i = 0; System.nanoTime() < deadline; i++) {
      URI u = targets.get(i % targets.size());
      Reply r = exchange(u, CLIENT, v.normalRequest(u, o.viewer.header()), 5000, 0);
      tally.add(r, r.ok() ? "ok" : r.outcome());
      sleep(200);
    }
  }

  /**
   * Waits until the deadline for the server to close stalled connections: half requests and half handshakes are
   * closed when a read returns -1 or fails (reset); unread answers must stay unread, so for them the server's side
   * of the connection is looked up in /proc/net/tcp{,6}: closed once it has left ESTABLISHED.
   */
  static void watchCloses(List<Stalled> stalled, long deadline) throws IOException {
    ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
    try (Selector selector = Selector.open()) {
      for (Stalled s : stalled) {
        if (s.channel != null && !s.kind.equals(UNREAD)) {
          s.channel.register(selector, SelectionKey.OP_READ, s);
        }
      }
      while (System.nanoTime() < deadline && stalled.stream().anyMatch(s -> s.channel != null && s.closedNanos < 0)) {
        selector.select(200);
        for (SelectionKey key : selector.selectedKeys()) {
          Stalled s = (Stalled) key.attachment();
          try {
            int n;
            do {
              scratch.clear();
              n = s.channel.read(scratch); // an error page before the close is read and ignored
            } while (n > 0);
            if (n < 0) {
              s.closedNanos = System.nanoTime();
              key.cancel();
            }
          } catch (IOException e) {
            s.closedNanos = System.nanoTime();
            key.cancel();
          }
        }
        selector.selectedKeys().clear();
        markServerClosed(stalled);
      }
    }
  }

  /** Marks the unread-answer connections whose server side has left ESTABLISHED (or is gone). */
  static void markServerClosed(List<Stalled> stalled) {
    Set<String> open = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && (f[3].equals("01") || f[3].equals("08"))) { // ESTABLISHED, CLOSE_WAIT
            open.add(f[1].substring(f[1].indexOf(':')) + ">" + tail(f[2], 13)); // :SERVERPORT>CLIENTIPV4:PORT
          }
        }
      } catch (IOException e) {
        // no such table
      }
    }
    long now = System.nanoTime();
    for (Stalled s : stalled) {
      if (s.kind.equals(UNREAD) && s.channel != null && s.closedNanos < 0 && !open.contains(procKey(s))) {
        s.closedNanos = now;
      }
    }
  }

  /** The key of the server's side of s as /proc/net/tcp shows it: ports, and the IPv4 address in kernel order. */
  static String procKey(Stalled s) {
    byte[] a = s.local.getAddress().getAddress();
    return String.format(":%04X>%02X%02X%02X%02X:%04X", s.target.getPort(), a[3], a[2], a[1], a[0], s.local.getPort());
  }

  static void reportStalled(View v, String kind, List<Stalled> all, long allowedMs, long windowMs, List<String> lines) {
    List<Stalled> of = all.stream().filter(s -> s.kind.equals(kind)).toList();
    if (of.isEmpty()) {
      return;
    }
    List<Long> closedMs = new ArrayList<>();
    int late = 0, open = 0, failed = 0;
    for (Stalled s : of) {
      if (s.channel == null) {
        failed++;
      } else if (s.closedNanos < 0) {
        open++;
      } else {
        closedMs.add(s.closedAfterMs());
        late += s.closedAfterMs() > allowedMs ? 1 : 0;
      }
    }
    Collections.sort(closedMs);
    String failure = of.stream().map(s -> s.failure).filter(Objects::nonNull).findFirst().orElse("");
    lines.add(String.format("  %-8s %-13s %3d to %-11s closed by the server: %3d in time (median %s, max %s), %d late,"
        + " %d still open at %d s%s", v.name, kind, of.size(), of.get(0).target.getScheme() + ":"
        + of.get(0).target.getPort(), closedMs.size() - late, ms(median(closedMs)),
        ms(closedMs.isEmpty() ? -1 : closedMs.get(closedMs.size() - 1)), late, open, windowMs / 1000,
        failed > 0 ? "; " + failed + " could not connect (" + failure + ")" : ""));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Probe "load": C clients for D seconds mixing /metrics scrapes, Jolokia wildcard reads of every Domain's State
  // and CIM EnumerateInstances of ComputerSystem: errors (503/429 counted apart), latencies, collection time idle
  // vs under load, agent RSS.

  static boolean load(Options o) throws Exception {
    int clients = o.num("load-clients", 20, 20), seconds = o.num("load-secs", 60, 10);
    View metrics = o.view("metrics");
    say("== load: %d clients for %d s, each cycling through %s", clients, seconds,
        String.join(", ", o.views().stream().map(v -> v.name + " (" + v.loadDescription() + ")").toList()));
    CollectionSample idle = idleCollection(o, metrics, o.num("idle-wait-s", 45, 0));
    long logFrom = size(o.agentLog);
    Map<String, Tally> tallies = new LinkedHashMap<>();
    o.views().forEach(v -> tallies.put(v.name, new Tally()));
    List<Double> loaded = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    try (RssSampler rss = new RssSampler(o.pid, 1000)) {
      threads.add(daemon("load-sampler", () -> sampleCollections(o, metrics, idle, loaded, deadline)));
      for (int c = 0; c < clients; c++) {
        int first = c;
        threads.add(daemon("load-client-" + c, () -> loadClient(o, first, tallies, deadline)));
      }
      for (Thread t : threads) {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 15_000);
      }
      long errors = 0, shed = 0;
      for (var e : tallies.entrySet()) {
        say("  %-8s %s", e.getKey(), e.getValue().summary());
        errors += e.getValue().errors();
        shed += e.getValue().shed();
      }
      String idleText = idle == null ? "n/a" : String.format("%.2f s", idle.duration);
      say("  collection duration (virtmx_collection_duration_seconds): idle %s%s; under load %s", idleText,
          idle != null && !idle.fresh ? " (the last before the probe)" : " (median of up to 3)", describe(loaded));
      say("  agent RSS: %s at start, %s max (sampled every second)", kb(rss.startKb, false), kb(rss.maxKb(), false));
      Tally m = tallies.get("metrics");
      double loadedMedian = medianOf(loaded);
      double factor = idle == null || loaded.isEmpty() ? Double.NaN : loadedMedian / idle.duration;
      boolean pass = errors == 0 && m.percentileMs(0.99) <= 1000 && factor <= 1.5 && rss.maxKb() <= 512 * 1024;
      return verdict("load", pass, String.format("%d errors, %d deliberate 503/429; /metrics p50 %s, p99 %s;"
              + " collection %s idle, median %s (%.2f×) and %s max under load; RSS max %s%s", errors, shed,
          ms(m.percentileMs(0.5)), ms(m.percentileMs(0.99)), idleText,
          loaded.isEmpty() ? "n/a" : String.format("%.2f s", loadedMedian), factor,
          loaded.isEmpty() ? "n/a" : String.format("%.2f s", Collections.max(loaded)), kb(rss.maxKb(), false),
          outOfMemory(o, logFrom)));
    }
  }

  static void loadClient(Options o, int first, Map<String, Tally> tallies, long deadline) {
    List<View> views = o.views();
    for (int i = first; System.nanoTime() < deadline; i++) {
      View v = views.get(i % views.size());
      Reply r = exchange(v.http, CLIENT, v.loadRequest(o.viewer.header()), 10_000, 1 << 20);
      tallies.get(v.name).add(r, v.loadOutcome(r));
    }
  }

  record CollectionSample(double timestamp, double duration, boolean fresh) {}

  /**
   * The median duration of up to three collections that ran while the agent was idle, waiting up to
   * waitS for them; the last one before the probe if none finished in that time.
   */
  static CollectionSample idleCollection(Options o, View metrics, int waitS) {
    CollectionSample last = collection(o, metrics);
    List<Double> fresh = new ArrayList<>();
    long until = System.nanoTime() + waitS * 1_000_000_000L;
    while (last != null && fresh.size() < 3 && System.nanoTime() < until) {
      sleep(1000);
      CollectionSample now = collection(o, metrics);
      if (now != null && now.timestamp != last.timestamp) {
        fresh.add(now.duration);
        last = now;
      }
    }
    if (fresh.isEmpty()) {
      return last;
    }
    Collections.sort(fresh);
    return new CollectionSample(last.timestamp, fresh.get((fresh.size() - 1) / 2), true);
  }

  /** Every second until the deadline: the duration of each collection finished since the previous sample. */
  static void sampleCollections(Options o, View metrics, CollectionSample idle, List<Double> loaded, long deadline) {
    double last = idle == null ? -1 : idle.timestamp;
    while (System.nanoTime() < deadline) {
      sleep(1000);
      CollectionSample c = collection(o, metrics);
      if (c != null && c.timestamp != last) {
        loaded.add(c.duration);
        last = c.timestamp;
      }
    }
  }

  static CollectionSample collection(Options o, View metrics) {
    Reply r = exchange(metrics.http, CLIENT, metrics.normalRequest(metrics.http, o.viewer.header()), 10_000, 64 << 20);
    double duration = -1, timestamp = -1;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("virtmx_collection_duration_seconds{")) {
          duration = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        } else if (line.startsWith("virtmx_last_success_timestamp_seconds{")) {
          timestamp = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    return r.ok() && duration >= 0 ? new CollectionSample(timestamp, duration, false) : null;
  }

  static double medianOf(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((sorted.size() - 1) / 2);
  }

  static String describe(List<Double> durations) {
    if (durations.isEmpty()) {
      return "n/a (no collection finished during the probe)";
    }
    List<Double> sorted = new ArrayList<>(durations);
    Collections.sort(sorted);
    return String.format("median %.2f s, max %.2f s (%d collections)", sorted.get((sorted.size() - 1) / 2),
        sorted.get(sorted.size() - 1), sorted.size());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Probe "guess": G password guessers (wrong passwords for the real viewer's name and for unknown names, basic auth
  // on Jolokia and /metrics, each from its own address 127.0.1.x) for D seconds while the real viewer reads through
  // Jolokia from 127.0.0.1: the reads keep p99 <= 100 ms; 401 vs 429 and audit lines counted.

  static boolean guess(Options o) throws Exception {
    int guessers = o.num("guessers", 8, 8), seconds = o.num("guess-secs", 60, 10);
    View jolokia = o.view("jolokia"), metrics = o.view("metrics");
    say("== guess: %d guessers for %d s (user '%s' and unknown names; Jolokia and /metrics) while '%s' reads"
        + " Jolokia every 100 ms", guessers, seconds, o.viewer.name, o.viewer.name);
    long auditFrom = size(o.audit);
    byte[] read = jolokia.normalRequest(jolokia.http, o.viewer.header());
    for (int i = 0; i < 3; i++) { // warm-up; the agent may remember a good password for a while
      exchange(jolokia.http, CLIENT, read, 5000, 0);
    }
    Tally guesses = new Tally(), reads = new Tally();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int g = 0; g < guessers; g++) {
      int id = g;
      threads.add(daemon("guesser-" + g, () -> guessPasswords(o, id, List.of(jolokia, metrics), guesses, deadline)));
    }
    threads.add(daemon("real-user", () -> {
      while (System.nanoTime() < deadline) {
        Reply r = exchange(jolokia.http, CLIENT, read, 5000, 0);
        reads.add(r, r.ok() ? "ok" : r.outcome());
        sleep(100);
      }
    }));
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 10_000);
    }
    sleep(1000); // let the audit lines reach the file
    long failedLines = linesMatching(o.audit, auditFrom, o.str("audit-failed", AUDIT_FAILED));
    long lockedLines = linesMatching(o.audit, auditFrom, o.str("audit-locked", AUDIT_LOCKED));
    say("  guesses   %s", guesses.summary());
    say("  real user %s", reads.summary());
    say("  audit lines in %s: %d failed-login, %d lock-out (-1: no file)",
        o.audit == null ? "-" : o.audit.getFileName(), failedLines, lockedLines);
    long p99 = reads.percentileMs(0.99), others = guesses.total() - guesses.count("401") - guesses.count("429");
    boolean pass = reads.errors() == 0 && p99 <= GUESS_READ_P99_MS && guesses.count("200") == 0;
    return verdict("guess", pass, String.format("real user's reads p99 %s (%d failed); guesses: %d x 401, %d x 429,"
            + " %d other; audit: %d failed-login, %d lock-out lines", ms(p99), reads.errors(), guesses.count("401"),
        guesses.count("429"), others, failedLines, lockedLines));
  }

  static void guessPasswords(Options o, int id, List<View> views, Tally tally, long deadline) {
    InetAddress source = address("127.0.1." + (id + 1));
    for (int i = 0; System.nanoTime() < deadline; i++) {
      View v = views.get(i % views.size());
      String user = (i / 2) % 2 == 0 ? o.viewer.name : "nobody" + id + "x" + i;
      String password = "guess-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
      Reply r = exchange(v.http, source, v.normalRequest(v.http, new Credentials(user, password).header()), 5000, 0);
      tally.add(r, r.outcome());
    }
  }

  /** Lines of the file written since offset from that match regex; -1 without a file. */
  static long linesMatching(Path file, long from, String regex) {
    if (file == null) {
      return -1;
    }
    Pattern p = Pattern.compile(regex);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      f.seek(Math.min(from, f.length()));
      byte[] rest = new byte[(int) Math.min(f.length() - f.getFilePointer(), 256 << 20)];
      f.readFully(rest);
      return new String(rest, StandardCharsets.UTF_8).lines().filter(l -> p.matcher(l).find()).count();
    } catch (IOException e) {
      return -1;
    }
  }

  static long size(Path file) {
    try {
      return file == null ? 0 : Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Text about the agent's OutOfMemoryErrors logged since offset from (of --agent-log), empty when none. */
  static String outOfMemory(Options o, long from) {
    long n = linesMatching(o.agentLog, from, "OutOfMemoryError");
    return n > 0 ? "; agent log: " + n + " OutOfMemoryError" : "";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Probe "jmx": over remote JMX an operator may not create an MLet, invoke DiagnosticCommand or dump the heap (and no
  // dump file appears); a viewer may not read the JVM's SystemProperties or InputArguments.

  static boolean jmx(Options o) throws Exception {
    String url = o.str("jmx", null);
    say("== jmx: %s", url);
    if (url == null) {
      return verdict("jmx", false, "no --jmx URL given");
    }
    Path dump = o.dumpDir.resolve("abuse-heap-" + ProcessHandle.current().pid() + ".hprof");
    ObjectName runtime = new ObjectName("java.lang:type=Runtime");
    int refused = 0, checks = 0;
    try (JMXConnector c = jmxConnect(url, o.operator)) {
      MBeanServerConnection m = c.getMBeanServerConnection();
      say("  operator '%s' connected (%d MBeans visible)", o.operator.name, m.getMBeanCount());
      ObjectName mlet = new ObjectName("virtmx.abuse:type=MLet");
      refused += refused("operator creates an MLet", () -> m.createMBean("javax.management.loading.MLet", mlet));
      if (m.isRegistered(mlet)) {
        m.unregisterMBean(mlet);
      }
      refused += refused("operator invokes DiagnosticCommand vmVersion", () -> m.invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmVersion", new Object[] {new String[0]},
          new String[] {String[].class.getName()}));
      refused += refused("operator invokes HotSpotDiagnostic dumpHeap", () -> m.invoke(
          new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
          new Object[] {dump.toString(), true}, new String[] {String.class.getName(), "boolean"}));
      checks += 3;
    } catch (IOException | SecurityException e) {
      say("  operator '%s': connection failed: %s", o.operator.name, failure(e));
    }
    sleep(500);
    boolean dumped = Files.exists(dump);
    say("  heap dump file: %s", dumped ? "PRESENT (deleted now)" : "absent");
    Files.deleteIfExists(dump);
    try (JMXConnector c = jmxConnect(url, o.viewer)) {
      MBeanServerConnection m = c.getMBeanServerConnection();
      say("  viewer '%s' connected (%d MBeans visible)", o.viewer.name, m.getMBeanCount());
      refused += refused("viewer reads Runtime SystemProperties", () -> m.getAttribute(runtime, "SystemProperties"));
      refused += refused("viewer reads Runtime InputArguments", () -> m.getAttribute(runtime, "InputArguments"));
      checks += 2;
    } catch (IOException | SecurityException e) {
      say("  viewer '%s': connection failed: %s", o.viewer.name, failure(e));
    }
    boolean pass = checks == 5 && refused == 5 && !dumped;
    return verdict("jmx", pass, refused + " of 5 refused" + (checks < 5 ? ", " + (5 - checks) + " not run" : "")
        + (dumped ? ", a heap dump was written" : ", no heap dump written"));
  }

  /** 1 when the call throws (anything but a broken connection, which is rethrown), 0 when it goes through. */
  static int refused(String what, Callable<Object> call) throws IOException {
    try {
      Object result = call.call();
      String shown = result instanceof Object[] a ? Arrays.toString(a) : String.valueOf(result);
      shown = shown.replaceAll("\\s+", " ");
      say("  %-46s ALLOWED (%s)", what, shown.length() > 60 ? shown.substring(0, 60) + "..." : shown);
      return 0;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      say("  %-46s refused: %s", what, failure(e));
      return 1;
    }
  }

  static JMXConnector jmxConnect(String url, Credentials who) throws IOException {
    Map<String, Object> env = Map.of(JMXConnector.CREDENTIALS, new String[] {who.name, who.password});
    return JMXConnectorFactory.connect(new JMXServiceURL(url), env);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The views and the requests the probes send them.

  /** One HTTP view of the agent: its plain address and, when it has one, its TLS address (path included). */
  record View(String name, URI http, URI https) {
    String path() {
      return http.getPath();
    }

    /** A cheap authenticated request: a gzip scrape, a Jolokia read of the JVM's uptime, the CIM HostSystem. */
    byte[] normalRequest(URI u, String auth) {
      return switch (name) {
        case "metrics" -> request("GET", u, path(), auth, true, List.of("Accept-Encoding: gzip"), null);
        case "jolokia" ->
            request("GET", u, path() + "/read/java.lang:type=Runtime/Uptime", auth, true, List.of(), null);
        default -> cimRequest(u, auth, "Libvirt_HostSystem", true);
      };
    }

    /** A big answer on a kept-alive connection: /metrics unzipped, all attributes of every Domain, every CIM domain. */
    byte[] bigRequest(String auth) {
      return switch (name) {
        case "metrics" -> request("GET", http, path(), auth, false, List.of(), null);
        case "jolokia" -> request("POST", http, path(), auth, false, List.of("Content-Type: application/json"),
            "[{\"type\":\"read\",\"mbean\":\"libvirt:type=Domain,*\"}]");
        default -> cimRequest(http, auth, "Libvirt_ComputerSystem", false);
      };
    }

    byte[] loadRequest(String auth) {
      return switch (name) {
        case "metrics" -> normalRequest(http, auth);
        case "jolokia" -> request("POST", http, path(), auth, true, List.of("Content-Type: application/json"),
            "[{\"type\":\"read\",\"mbean\":\"libvirt:type=Domain,*\",\"attribute\":\"State\"}]");
        default -> cimRequest(http, auth, "Libvirt_ComputerSystem", true);
      };
    }

    String loadDescription() {
      return switch (name) {
        case "metrics" -> "GET /metrics, gzip";
        case "jolokia" -> "read State of libvirt:type=Domain,*";
        default -> "EnumerateInstances Libvirt_ComputerSystem";
      };
    }

    /** "ok", "shed 503"/"shed 429" (deliberate), or what went wrong, including errors inside a 200 answer. */
    String loadOutcome(Reply r) {
      if (r.failure != null || r.status != 200) {
        return r.status == 503 || r.status == 429 ? "shed " + r.status : r.outcome();
      }
      String body = new String(r.body, StandardCharsets.ISO_8859_1);
      if (name.equals("jolokia") && !body.contains("\"status\":200")) {
        return "jolokia error";
      }
      return name.equals("cim") && body.contains("<ERROR") ? "CIM error" : "ok";
    }

    String halfRequest() {
      return (name.equals("metrics") ? "GET " : "POST ") + path() + " HTTP/1.1\r\n";
    }

    byte[] bigBodyHead(String auth, boolean chunked, long length) {
      List<String> headers = new ArrayList<>();
      headers.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + length);
      headers.add("Content-Type: " + (name.equals("jolokia") ? "application/json" : "application/xml; charset=utf-8"));
      if (name.equals("cim")) {
        headers.addAll(List.of("CIMOperation: MethodCall", "CIMMethod: EnumerateInstances", "CIMObject: root%2Fvirt"));
      }
      return request("POST", http, path(), auth, true, headers, null);
    }

    /** The big body starts with this, so that a streaming parser would keep on reading. */
    String bodyPrefix() {
      return switch (name) {
        case "jolokia" -> "[";
        case "cim" -> "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><!--";
        default -> "";
      };
    }

    /** A block of body after the prefix: a unit repeated (a Jolokia version request, or filler). */
    byte[] bodyBlock(int size) {
      String unit = name.equals("jolokia") ? "{\"type\":\"version\"}," : "x";
      return unit.repeat(size / unit.length()).getBytes(StandardCharsets.US_ASCII);
    }
  }

  static byte[] cimRequest(URI u, String auth, String className, boolean close) {
    String body = """
        <?xml version="1.0" encoding="utf-8" ?>
        <CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLEREQ>
        <IMETHODCALL NAME="EnumerateInstances"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="virt"/>
        </LOCALNAMESPACEPATH><IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="%s"/></IPARAMVALUE>
        <IPARAMVALUE NAME="LocalOnly"><VALUE>FALSE</VALUE></IPARAMVALUE>
        </IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>
        """.formatted(className);
    return request("POST", u, u.getPath(), auth, close, List.of("Content-Type: application/xml; charset=utf-8",
        "CIMOperation: MethodCall", "CIMMethod: EnumerateInstances", "CIMObject: root%2Fvirt"), body);
  }

  /** An HTTP/1.1 request; with a body, its Content-Length is added. */
  static byte[] request(String method, URI u, String path, String auth, boolean close, List<String> headers,
      String body) {
    StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + u.getAuthority() + "\r\n");
    if (auth != null) {
      b.append("Authorization: ").append(auth).append("\r\n");
    }
    if (close) {
      b.append("Connection: close\r\n");
    }
    headers.forEach(h -> b.append(h).append("\r\n"));
    if (body != null) {
      b.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
    }
    return b.append("\r\n").append(body == null ? "" : body).toString().getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // A minimal HTTP/1.1 client on raw sockets (plain or TLS), one connection per request.

  /** One answer: status (0 when none came), body size, time to the end of the body, failure, first body bytes. */
  record Reply(int status, long bytes, long nanos, String failure, byte[] body) {
    boolean ok() {
      return status == 200 && failure == null;
    }

    String outcome() {
      return failure != null ? failure : String.valueOf(status);
    }
  }

  /** Sends the request and reads the whole answer within timeoutMs, keeping at most keep bytes of its body. */
  static Reply exchange(URI target, InetAddress source, byte[] request, int timeoutMs, int keep) {
    long start = System.nanoTime(), deadline = start + timeoutMs * 1_000_000L;
    int status = 0;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long[] bytes = {0};
    try (Socket s = connect(target, source, timeoutMs)) {
      s.getOutputStream().write(request);
      InputStream in = new BufferedInputStream(new DeadlineInput(s, deadline));
      status = statusOf(readLine(in));
      Map<String, String> headers = new HashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, Math.max(colon, 0)).trim().toLowerCase(), line.substring(colon + 1).trim());
      }
      readBody(in, headers, (buf, n) -> {
        bytes[0] += n;
        body.write(buf, 0, Math.max(0, Math.min(n, keep - body.size())));
      });
      return new Reply(status, bytes[0], System.nanoTime() - start, null, body.toByteArray());
    } catch (IOException | RuntimeException e) {
      return new Reply(status, bytes[0], System.nanoTime() - start, failure(e), body.toByteArray());
    }
  }

  static void readBody(InputStream in, Map<String, String> headers, ObjIntConsumer<byte[]> sink) throws IOException {
    if (headers.getOrDefault("transfer-encoding", "").toLowerCase().contains("chunked")) {
      for (long size = chunkSize(readLine(in)); size > 0; size = chunkSize(readLine(in))) {
        copy(in, size, sink);
        readLine(in);
      }
      while (!readLine(in).isEmpty()) {
        // trailers
      }
    } else if (headers.containsKey("content-length")) {
      copy(in, Long.parseLong(headers.get("content-length")), sink);
    } else {
      copy(in, Long.MAX_VALUE, sink); // to the end of the stream
    }
  }

  static long chunkSize(String line) {
    return Long.parseLong(line.replaceFirst(";.*", "").trim(), 16);
  }

  static void copy(InputStream in, long length, ObjIntConsumer<byte[]> sink) throws IOException {
    byte[] buf = new byte[64 * 1024];
    for (long left = length; left > 0; ) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0 && length == Long.MAX_VALUE) {
        return;
      } else if (n < 0) {
        throw new IOException("closed");
      }
      sink.accept(buf, n);
      left -= n;
    }
  }

  /** A line ending in CRLF or LF, without it; IOException("closed") when the stream ends first. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0 || b.length() > 16 * 1024) {
        throw new IOException(c < 0 ? "closed" : "line too long");
      }
      b.append((char) c);
    }
    return b.toString().endsWith("\r") ? b.substring(0, b.length() - 1) : b.toString();
  }

  static int statusOf(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not HTTP: " + statusLine);
    }
    return Integer.parseInt(parts[1]);
  }

  /** Reads from the socket, each read bounded by the time left until the deadline. */
  static final class DeadlineInput extends FilterInputStream {
    private final Socket socket;
    private final long deadline;

    DeadlineInput(Socket socket, long deadline) throws IOException {
      super(socket.getInputStream());
      this.socket = socket;
      this.deadline = deadline;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new SocketTimeoutException("timeout");
      }
      socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
      return super.read(b, off, len);
    }
  }

  static Socket connect(URI u, InetAddress source, int timeoutMs) throws IOException {
    Socket s = new Socket();
    try {
      s.bind(new InetSocketAddress(source, 0));
      s.connect(new InetSocketAddress(u.getHost(), u.getPort()), timeoutMs);
      if (!u.getScheme().equals("https")) {
        return s;
      }
      SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, u.getHost(), u.getPort(), true);
      SSLParameters p = t.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      t.setSSLParameters(p);
      t.setSoTimeout(timeoutMs);
      t.startHandshake();
      return t;
    } catch (IOException e) {
      closeQuietly(s);
      throw e;
    }
  }

  /** Trusts the agents' self-signed certificate (the key store given with --truststore), else the JDK's CAs. */
  static SSLContext trustContext(Options o) throws Exception {
    if (o.str("truststore", null) == null) {
      return SSLContext.getDefault();
    }
    char[] password = Files.readAllLines(Path.of(o.str("truststore-password-file", null))).get(0).toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(o.str("truststore", null)))) {
      store.load(in, password);
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Figures: latencies and outcomes, agent RSS.

  /** Latencies and outcome counts of one kind of request, filled by several threads. */
  static final class Tally {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> outcomes = new ConcurrentSkipListMap<>();

    void add(Reply r, String outcome) {
      nanos.add(r.nanos);
      outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    long count(String outcome) {
      LongAdder a = outcomes.get(outcome);
      return a == null ? 0 : a.sum();
    }

    long total() {
      return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long shed() {
      return count("shed 503") + count("shed 429");
    }

    /** Everything but "ok" and deliberate shedding. */
    long errors() {
      return total() - count("ok") - shed();
    }

    long percentileMs(double q) {
      List<Long> sorted;
      synchronized (nanos) {
        sorted = new ArrayList<>(nanos);
      }
      Collections.sort(sorted);
      return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1)) / 1_000_000;
    }

    String summary() {
      StringJoiner counts = new StringJoiner(", ");
      outcomes.forEach((k, v) -> counts.add(v.sum() + " x " + k));
      return String.format("%d requests (%s); p50 %s, p99 %s, max %s", total(), counts, ms(percentileMs(0.5)),
          ms(percentileMs(0.99)), ms(percentileMs(1.0)));
    }
  }

  /** Samples the agent's VmRSS on a daemon thread; the first sample is taken at once. */
  static final class RssSampler implements AutoCloseable {
    final long startKb;
    private final long pid;
    private final Thread thread;
    private volatile long maxKb;

    RssSampler(long pid, int periodMs) {
      this.pid = pid;
      startKb = rssKb(pid);
      maxKb = startKb;
      thread = daemon("rss", () -> {
        while (!Thread.currentThread().isInterrupted()) {
          sample();
          sleep(periodMs);
        }
      });
    }

    private synchronized void sample() {
      maxKb = Math.max(maxKb, rssKb(pid));
    }

    long maxKb() {
      sample();
      return maxKb;
    }

    long growthKb() {
      return startKb < 0 ? -1 : Math.max(0, maxKb() - startKb);
    }

    @Override
    public void close() {
      thread.interrupt();
    }
  }

  /** VmRSS of the process in kB, or -1 when unknown. */
  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no such process
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Options and small helpers.

  record Credentials(String name, String password) {
    static Credentials parse(String nameColonPassword) {
      int colon = nameColonPassword.indexOf(':');
      return new Credentials(nameColonPassword.substring(0, colon), nameColonPassword.substring(colon + 1));
    }

    String header() {
      return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * --metrics, --jolokia, --cim URL (plain HTTP, with path) and --metrics-tls, --jolokia-tls, --cim-tls URL (HTTPS);
   * --viewer, --operator NAME:PASSWORD; --truststore P12 --truststore-password-file FILE; --pid PID (the agent, for
   * RSS); --agent-log FILE (its stderr); --audit FILE (where it writes audit lines); --audit-failed, --audit-locked
   * REGEX; --jmx URL; --dump-dir DIR; counts and durations, full run / --quick: --stall-conns 200/50,
   * --stall-timeout 10, --stall-sources 10, --stall-parallel 0/1, --body-mb 1024, --body-timeout-s 10/3,
   * --load-clients 20, --load-secs 60/10, --idle-wait-s 45/0, --guessers 8, --guess-secs 60/10.
   */
  static final class Options {
    final Map<String, String> values = new HashMap<>();
    final boolean quick;
    final long pid;
    final Path audit, agentLog, dumpDir;
    final Credentials viewer, operator;

    Options(String[] args) {
      boolean q = false;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--quick")) {
          q = true;
        } else if (args[i].startsWith("--") && i + 1 < args.length) {
          values.put(args[i].substring(2), args[++i]);
        } else {
          throw new IllegalArgumentException("unexpected argument " + args[i]);
        }
      }
      quick = q;
      pid = Long.parseLong(str("pid", "0"));
      audit = values.containsKey("audit") ? Path.of(values.get("audit")) : null;
      agentLog = values.containsKey("agent-log") ? Path.of(values.get("agent-log")) : null;
      dumpDir = Path.of(str("dump-dir", System.getProperty("java.io.tmpdir")));
      viewer = Credentials.parse(str("viewer", "viewer:viewer"));
      operator = Credentials.parse(str("operator", "operator:operator"));
    }

    String str(String name, String otherwise) {
      return values.getOrDefault(name, otherwise);
    }

    int num(String name, int full, int whenQuick) {
      return values.containsKey(name) ? Integer.parseInt(values.get(name)) : quick ? whenQuick : full;
    }

    /** The views given, in the order metrics, CIM, Jolokia (Jolokia's big answers keep the agent busy longest). */
    List<View> views() {
      return List.of("metrics", "cim", "jolokia").stream().filter(values::containsKey).map(this::view).toList();
    }

    View view(String name) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("--" + name + " URL is needed");
      }
      String tlsUrl = values.get(name + "-tls");
      return new View(name, URI.create(values.get(name)), tlsUrl == null ? null : URI.create(tlsUrl));
    }
  }

  static boolean verdict(String probe, boolean pass, String summary) {
    say("RESULT %s %s: %s", probe, pass ? "PASS" : "FAIL", summary);
    return pass;
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(format, args));
  }

  static String ms(long ms) {
    return ms < 0 ? "-" : ms + " ms";
  }

  static long median(List<Long> sorted) {
    return sorted.isEmpty() ? -1 : sorted.get((sorted.size() - 1) / 2);
  }

  static String kb(long kb, boolean growth) {
    return kb < 0 ? "n/a" : String.format(growth ? "+%.1f MB" : "%.1f MB", kb / 1024.0);
  }

  static String tail(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }

  /** A short name for what went wrong: timeout, connect refused, reset, closed, or the exception. */
  static String failure(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    if (e instanceof SocketTimeoutException) {
      return "timeout";
    } else if (e instanceof ConnectException) {
      return "connect refused";
    } else if (message.contains("reset")) {
      return "reset";
    } else if (message.equals("closed") || message.contains("Broken pipe")) {
      return "closed";
    }
    String text = root.getClass().getSimpleName() + ": " + message;
    return text.length() > 110 ? text.substring(0, 110) + "..." : text;
  }

  static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception e) {
      // already closed
    }
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
