/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test bed of {@code .ci/testbed} as the ITs see it: the {@code KEY=VALUE} lines of {@code
 * /run/virtmx-testbed/env} (the second host hv2's URIs, the credentials file, the guests' names),
 * and helpers to drive the guests with virsh. A missing env file fails the test with what to run;
 * nothing is skipped.
 */
public final class TestBedEnv {
  /** Where {@code .ci/testbed up} writes the env; a system property of this name overrides it. */
  public static final String ENV_PROPERTY = "virtmx.testbed.env";

  public static final Path DEFAULT_ENV = Path.of("/run/virtmx-testbed/env");

  /** How long a guest may take to boot to its agent under TCG on a loaded 2-core machine. */
  public static final Duration BOOT = Duration.ofSeconds(120);

  private static TestBedEnv loaded;

  private final Map<String, String> values;

  private TestBedEnv(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The bed, brought to its known state once per test JVM: {@code .ci/testbed up} is idempotent and
   * only restarts what an earlier test left stopped (a shut-off guest, a guest left on hv2).
   */
  public static synchronized TestBedEnv get() {
    if (loaded == null) {
      Path env = Path.of(System.getProperty(ENV_PROPERTY, DEFAULT_ENV.toString()));
      if (!Files.isRegularFile(env)) {
        throw new AssertionError(
            "no test bed: "
                + env
                + " is missing. Run 'bash .ci/testbed up' first (CI's .ci/run does); see"
                + " docs/testbed.md");
      }
      TestBed.Result up = TestBed.run(Duration.ofMinutes(10), List.of("bash", script(), "up"));
      if (!up.ok()) {
        throw new AssertionError(
            "'bash .ci/testbed up' failed (" + up.exitCode() + "):\n" + up.stderr());
      }
      loaded = new TestBedEnv(parse(read(env)));
    }
    return loaded;
  }

  private static String script() {
    Path p = Path.of(".ci/testbed");
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("no .ci/testbed in " + Path.of("").toAbsolutePath());
    }
    return p.toString();
  }

  private static String read(Path env) {
    try {
      return Files.readString(env, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }

  /** The value of {@code key}; fails naming the key when the env file lacks it. */
  public String value(String key) {
    String v = values.get(key);
    if (v == null || v.isEmpty()) {
      throw new AssertionError("test bed env has no " + key + ": " + values.keySet());
    }
    return v;
  }

  public String hostUri() {
    return value("HOST_URI");
  }

  /** The first host's name as libvirt reports it (the agent's {@code host} label). */
  public String hostName() {
    return value("HOST_NAME");
  }

  public String hv2Name() {
    return value("HV2_NAME");
  }

  public String hv2TcpUri() {
    return value("HV2_TCP_URI");
  }

  public String hv2TlsUri() {
    return value("HV2_TLS_URI");
  }

  public String hv2SshUri() {
    return value("HV2_SSH_URI");
  }

  public String credentialsFile() {
    return value("CREDENTIALS_FILE");
  }

  public String guest1() {
    return value("GUEST1");
  }

  public String guest2() {
    return value("GUEST2");
  }

  /**
   * The URI the tests' virsh uses for hv2: TLS, which needs no password (the client certificate is
   * in the bed's pki directory).
   */
  public String hv2ControlUri() {
    return hv2TlsUri();
  }

  /** {@code virsh -c uri args…}; throws with virsh's stderr when it fails. */
  public static String virsh(String uri, String... args) {
    return virsh(TestBed.COMMAND_TIMEOUT, uri, args);
  }

  /** As {@link #virsh(String, String...)} with a timeout of its own (migrations). */
  public static String virsh(Duration timeout, String uri, String... args) {
    List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri));
    cmd.addAll(Arrays.asList(args));
    return TestBed.run(timeout, cmd).orThrow().stdout();
  }

  /** A QEMU guest agent command's answer, or empty when the agent does not answer. */
  public static Optional<String> agentCommand(String uri, String domain, String json) {
    TestBed.Result r =
        TestBed.run(
            List.of(
                "virsh", "-q", "-c", uri, "qemu-agent-command", domain, "--timeout", "5", json));
    return r.ok() ? Optional.of(r.stdout().strip()) : Optional.empty();
  }

  /** Waits until the guest agent answers {@code guest-ping}. */
  public static void awaitAgent(String uri, String domain, Duration timeout) {
    Await.until(
        "guest agent of " + domain + " answers guest-ping",
        () -> agentCommand(uri, domain, "{\"execute\":\"guest-ping\"}").orElse("(no answer)"),
        "{\"return\":{}}"::equals,
        timeout);
  }

  private static final Pattern HANDLE = Pattern.compile("\"return\"\\s*:\\s*(\\d+)");
  private static final Pattern BUF = Pattern.compile("\"buf-b64\"\\s*:\\s*\"([^\"]*)\"");

  /**
   * Reads a small file inside the guest through the guest agent ({@code guest-file-open/read}), or
   * empty when the agent does not answer.
   */
  public static Optional<String> guestFile(String uri, String domain, String path) {
    Optional<String> open =
        agentCommand(
            uri,
            domain,
            "{\"execute\":\"guest-file-open\",\"arguments\":{\"path\":\"" + path + "\"}}");
    Matcher h = HANDLE.matcher(open.orElse(""));
    if (!h.find()) {
      return Optional.empty();
    }
    String handle = h.group(1);
    try {
      Optional<String> read =
          agentCommand(
              uri,
              domain,
              "{\"execute\":\"guest-file-read\",\"arguments\":{\"handle\":"
                  + handle
                  + ",\"count\":4096}}");
      Matcher b = BUF.matcher(read.orElse(""));
      return b.find()
          ? Optional.of(new String(Base64.getDecoder().decode(b.group(1)), StandardCharsets.UTF_8))
          : Optional.empty();
    } finally {
      agentCommand(
          uri,
          domain,
          "{\"execute\":\"guest-file-close\",\"arguments\":{\"handle\":" + handle + "}}");
    }
  }

  /** {@code virsh dommemstat} as a map of KiB values. */
  public static Map<String, Long> dommemstat(String uri, String domain) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : virsh(uri, "dommemstat", domain).split("\n")) {
      String[] kv = line.strip().split("\\s+");
      if (kv.length == 2) {
        out.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return out;
  }

  /** {@code virsh domstate --reason}, e.g. {@code shut off (shutdown)}. */
  public static String domstate(String uri, String domain) {
    return virsh(uri, "domstate", "--reason", domain).strip();
  }

  /** Whether {@code domain} is defined on the host at {@code uri}. */
  public static boolean defined(String uri, String domain) {
    return TestBed.run(List.of("virsh", "-q", "-c", uri, "dominfo", domain)).ok();
  }

  /**
   * The value of the series {@code name} whose labels include every {@code label="value"} pair
   * given, in a Prometheus text exposition.
   */
  public static OptionalDouble metric(String exposition, String name, String... labelPairs) {
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(exposition);
    outer:
    while (m.find()) {
      String labels = m.group(1);
      for (int i = 0; i + 1 < labelPairs.length; i += 2) {
        if (!labels.contains(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"")) {
          continue outer;
        }
      }
      return OptionalDouble.of(Double.parseDouble(m.group(2)));
    }
    return OptionalDouble.empty();
  }
}
