/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The log line format. Under systemd (stderr connected to the journal: {@code JOURNAL_STREAM} set)
 * a line is {@code <6>Main: message} — the syslog priority prefix journald turns into the entry's
 * priority, no timestamp or thread (journald records both); elsewhere it is {@code 2026-12-01T12:00:00.000Z
 * INFO  [thread] Main: message} (time with offset, level padded to 5, thread, logger's simple name).
 * Both are written here rather than by logback's {@code PatternLayout}, whose start-up (every converter class, the date formatter and the
 * time-zone rules) was a third of setting logging up, on the path of every {@code --once} run, which
 * usually logs nothing.
 */
public final class JournalLayout extends LayoutBase<ILoggingEvent> {
  private final boolean journal;

  public JournalLayout() {
    this(System.getenv("JOURNAL_STREAM") != null);
  }

  JournalLayout(boolean journal) {
    this.journal = journal;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    String prefix = "";
    if (journal) {
      prefix = "<" + priority(event.getLevel()) + ">";
      line.append(prefix);
    } else {
      line.append(Clock.FORMAT.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ');
      String level = event.getLevel().toString();
      line.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
      line.append(" [").append(event.getThreadName()).append("] ");
    }
    String logger = event.getLoggerName();
    line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ");
    String message = event.getFormattedMessage();
    line.append(journal ? message.replace("\n", "\n" + prefix) : message);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      for (String l : ThrowableProxyUtil.asString(thrown).split("\n")) {
        line.append('\n').append(prefix).append(l);
      }
    }
    return line.append('\n').toString();
  }

  /** syslog priority: error 3, warning 4, info 6, debug and trace 7. */
  static int priority(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> 3;
      case Level.WARN_INT -> 4;
      case Level.INFO_INT -> 6;
      default -> 7;
    };
  }

  /** The timestamp's format, made when the first line outside the journal is written. */
  private static final class Clock {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());
  }
}
