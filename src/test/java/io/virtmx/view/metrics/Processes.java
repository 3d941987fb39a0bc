package io.virtmx.view.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Starts the agent, prometheus-libvirt-exporter and Prometheus for integration tests, and stops
 * them all.
 */
final class Processes implements AutoCloseable {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> started = new ArrayList<>();

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String jar() {
    return System.getProperty("virtmx.jar", "target/virtmx.jar");
  }

  Process start(Path log, String... command) throws IOException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(p);
    return p;
  }

  /** The agent on {@code uri}, collecting every second, serving metrics on {@code port}. */
  Process agent(Path log, String uri, int port, String... more) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "java",
                "-jar",
                jar(),
                "--no-jolokia",
                "--connect",
                uri,
                "--interval",
                "1s",
                "--metrics-port",
                Integer.toString(port)));
    cmd.addAll(List.of(more));
    return start(log, cmd.toArray(String[]::new));
  }

  Process exporter(Path log, String uri, int port) throws IOException {
    return start(
        log,
        "prometheus-libvirt-exporter",
        "--web.listen-address=127.0.0.1:" + port,
        "--libvirt.uri=" + uri);
  }

  static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + ": HTTP " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** GETs {@code url} until the body satisfies {@code ready}; fails after {@code timeout}. */
  static String await(String url, Predicate<String> ready, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "(no answer)";
    while (System.nanoTime() < end) {
      try {
        last = get(url);
        if (ready.test(last)) {
          return last;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "not ready after "
            + timeout
            + ": "
            + url
            + "\n"
            + last.substring(0, Math.min(2000, last.length())));
  }

  @Override
  public void close() {
    for (Process p : started) {
      p.destroy();
    }
    for (Process p : started) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
