/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

/**
 * The log line format. Under systemd (stderr connected to the journal: {@code JOURNAL_STREAM} set)
 * a line is {@code <6>Main: message} — the syslog priority prefix journald turns into the entry's
 * priority, no timestamp or thread (journald records both); elsewhere it is {@link #PATTERN}.
 */
public final class JournalLayout extends LayoutBase<ILoggingEvent> {
  /** The format outside the journal. */
  public static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}: %msg%n";

  private final boolean journal;
  private final PatternLayout plain = new PatternLayout();

  public JournalLayout() {
    this(System.getenv("JOURNAL_STREAM") != null);
  }

  JournalLayout(boolean journal) {
    this.journal = journal;
  }

  @Override
  public void start() {
    plain.setContext(getContext());
    plain.setPattern(PATTERN);
    plain.start();
    super.start();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    if (!journal) {
      return plain.doLayout(event);
    }
    StringBuilder line = new StringBuilder(128);
    line.append('<').append(priority(event.getLevel())).append('>');
    String logger = event.getLoggerName();
    line.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ");
    line.append(event.getFormattedMessage().replace("\n", "\n" + "<" + priority(event.getLevel()) + ">"));
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      for (String l : ThrowableProxyUtil.asString(thrown).split("\n")) {
        line.append('\n').append('<').append(priority(event.getLevel())).append('>').append(l);
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
}
