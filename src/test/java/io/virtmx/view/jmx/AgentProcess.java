package io.virtmx.view.jmx;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shaded agent jar run as a user would: {@code java -jar virtmx.jar ARGS}, its output in a log
 * file.
 */
final class AgentProcess implements AutoCloseable {
  private final Process process;
  final Path log;

  AgentProcess(Path log, int jmxPort, String... args) throws IOException, InterruptedException {
    this.log = log;
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("virtmx.jar", "target/virtmx.jar")));
    cmd.addAll(List.of(args));
    process =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("agent exited: " + java.nio.file.Files.readString(log));
      }
      try {
        new Socket("127.0.0.1", jmxPort).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "agent did not open port " + jmxPort + ": " + java.nio.file.Files.readString(log));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
