/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file subscriptions survive a restart in: one line per filter, destination and subscription,
 * fields URL-encoded and tab-separated, written to a 0600 temporary file and moved over the old one
 * so a crash leaves either the old or the new file, e.g. {@code
 * filter	f1	SELECT+*+FROM+KVM_ComputerSystemModifiedIndication	root%2Fvirt	alice}.
 */
final class SubscriptionFile {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionFile.class);
  private final Path file;

  SubscriptionFile(Path file) {
    this.file = file;
  }

  /** Reads the file into {@code into} (nothing when it does not exist yet). */
  void load(Subscriptions into) {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CIM subscriptions from " + file, e);
    }
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        read(into, Arrays.stream(line.split("\t", -1)).map(SubscriptionFile::decode).toList());
      } catch (RuntimeException e) {
        log.warn("{}: skipping a line it cannot use: {}", file, e.getMessage());
      }
    }
  }

  private static void read(Subscriptions into, List<String> f) {
    switch (f.get(0)) {
      case "filter" ->
          into.add(
              new Subscriptions.Filter(
                  f.get(1), f.get(2), emptyToNull(f.get(3)), f.get(4), new Wql(f.get(2))));
      case "destination" ->
          into.add(new Subscriptions.Destination(f.get(1), f.get(2), f.get(3), f.get(4)));
      case "subscription" ->
          into.add(
              new Subscriptions.Subscription(
                  f.get(1), f.get(2), f.get(3), Instant.parse(f.get(4)), Integer.parseInt(f.get(5))));
      default -> throw new IllegalArgumentException("unknown record " + f.get(0));
    }
  }

  /** Writes everything {@code s} holds, atomically, readable by the agent's user only. */
  void save(Subscriptions s) {
    List<String> lines = new ArrayList<>();
    lines.add("# virtmx CIM indication subscriptions: written by the agent, do not edit");
    s.filters()
        .forEach(
            f -> lines.add(line("filter", f.name(), f.query(), nz(f.sourceNamespace()), f.owner())));
    s.destinations()
        .forEach(d -> lines.add(line("destination", d.name(), d.className(), d.url(), d.owner())));
    s.subscriptions()
        .forEach(
            x ->
                lines.add(
                    line(
                        "subscription",
                        x.filter(),
                        x.destination(),
                        x.owner(),
                        x.created().toString(),
                        String.valueOf(x.state()))));
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp =
          Files.createTempFile(
              dir,
              file.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        move(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      log.warn("cannot keep CIM subscriptions in {}: {}", file, e.toString());
    }
  }

  private void move(Path tmp) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String line(String... fields) {
    StringBuilder b = new StringBuilder();
    for (String f : fields) {
      b.append(b.length() == 0 ? "" : "\t").append(URLEncoder.encode(f, StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
