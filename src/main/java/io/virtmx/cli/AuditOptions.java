/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import io.virtmx.config.Durations;
import io.virtmx.security.AuditLog;
import io.virtmx.security.LoginSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Options of the audit log (where its lines go) and of the throttling of failed logins. The audit
 * log goes to stderr with the rest of the log unless told otherwise; to a file or syslog it goes
 * alone, never interleaved with other log lines.
 */
public final class AuditOptions {
  static final String FILE_PATTERN = "time=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %msg%n";
  static final String SYSLOG_PATTERN = "virtmx: %msg";
  private static final int SYSLOG_PORT = 514;

  @Option(
      names = "--audit-log",
      paramLabel = "DEST",
      defaultValue = "stderr",
      description = {
        "Where the audit log (every operation attempt, every failed or throttled login) goes: "
            + "stderr (default) with the rest of the log; FILE, a file of its own (appended, created "
            + "with mode 0600); or syslog[:HOST[:PORT]] (UDP, facility authpriv, default "
            + "localhost:514)."
      })
  String destination;

  @Option(
      names = "--login-lockout-failures",
      paramLabel = "N",
      defaultValue = "10",
      description = {
        "Failed logins within 10 minutes that lock a client address (an IPv6 /64) or a user name "
            + "out (default: ${DEFAULT-VALUE}). After 3 failures each further one is delayed (1 s, "
            + "doubling, at most 60 s); a password already verified keeps working."
      })
  int lockoutFailures;

  @Option(
      names = "--login-lockout",
      paramLabel = "DURATION",
      defaultValue = "15m",
      description =
          "How long a lock-out lasts; a locked-out client gets HTTP 429 (default: ${DEFAULT-VALUE}).")
  String lockout;

  /** The login throttling these options describe. */
  public LoginSettings loginSettings() {
    if (lockoutFailures < 1) {
      throw new IllegalArgumentException(
          "--login-lockout-failures must be at least 1, got " + lockoutFailures);
    }
    Duration length = Durations.parse(lockout);
    if (length.isZero()) {
      throw new IllegalArgumentException("--login-lockout must be positive, got " + lockout);
    }
    return LoginSettings.DEFAULTS.withLockout(lockoutFailures, length);
  }

  /**
   * Checks these options and sends the audit log where {@code --audit-log} says; call once the log
   * level is set.
   */
  public void apply() {
    loginSettings();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      apply(ctx);
    }
  }

  void apply(LoggerContext ctx) {
    Logger audit = ctx.getLogger(AuditLog.LOGGER);
    audit.detachAndStopAllAppenders(); // first: logback refuses two appenders on one file
    Appender<ILoggingEvent> own = appender(ctx, destination.strip());
    audit.setLevel(Level.INFO); // whatever --log-level says
    audit.setAdditive(own == null);
    if (own != null) {
      audit.addAppender(own);
    }
  }

  /** The audit log's own appender, started; null for stderr with the rest of the log. */
  private static Appender<ILoggingEvent> appender(LoggerContext ctx, String dest) {
    if (dest.equals("stderr")) {
      return null;
    }
    if (dest.equals("syslog") || dest.startsWith("syslog:")) {
      return syslog(ctx, dest.substring("syslog".length()));
    }
    return file(ctx, Path.of(dest));
  }

  private static Appender<ILoggingEvent> file(LoggerContext ctx, Path file) {
    createPrivate(file);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern(FILE_PATTERN);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(ctx);
    appender.setName("AUDIT-FILE");
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setImmediateFlush(true);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      throw new IllegalArgumentException("--audit-log " + file + ": cannot open the file");
    }
    return appender;
  }

  /** Creates the file with mode 0600 unless it exists; it must be a writable regular file. */
  private static void createPrivate(Path file) {
    try {
      Files.createFile(
          file,
          PosixFilePermissions.asFileAttribute(
              Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isRegularFile(file) || !Files.isWritable(file)) {
        throw new IllegalArgumentException("--audit-log " + file + " is not a writable file", e);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "--audit-log " + file + ": cannot create it (" + e.getMessage() + ")", e);
    }
  }

  /** {@code spec} is "", ":HOST" or ":HOST:PORT" (an IPv6 host in brackets). */
  private static Appender<ILoggingEvent> syslog(LoggerContext ctx, String spec) {
    String host = "localhost";
    int port = SYSLOG_PORT;
    if (!spec.isEmpty()) {
      String rest = spec.substring(1);
      int close = rest.startsWith("[") ? rest.indexOf(']') : -1;
      int colon = close >= 0 ? rest.indexOf(':', close) : rest.lastIndexOf(':');
      String h = colon >= 0 ? rest.substring(0, colon) : rest;
      if (close >= 0) {
        h = h.substring(1, close);
      }
      if (!h.isEmpty()) {
        host = h;
      }
      if (colon >= 0) {
        port = port(rest.substring(colon + 1));
      }
    }
    SyslogAppender appender = new SyslogAppender();
    appender.setContext(ctx);
    appender.setName("AUDIT-SYSLOG");
    appender.setSyslogHost(host);
    appender.setPort(port);
    appender.setFacility("AUTHPRIV");
    appender.setSuffixPattern(SYSLOG_PATTERN);
    appender.setThrowableExcluded(true);
    appender.setCharset(StandardCharsets.UTF_8);
    appender.start();
    if (!appender.isStarted()) {
      throw new IllegalArgumentException(
          "--audit-log syslog" + spec + ": cannot send to " + host + ":" + port);
    }
    return appender;
  }

  private static int port(String text) {
    try {
      int p = Integer.parseInt(text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--audit-log syslog: '" + text + "' is not a port number (1-65535)");
  }
}
