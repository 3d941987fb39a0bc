/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class JournalLayoutTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("io.virtmx.libvirt.HostConnection");

  private String line(boolean journal, Level level, String message, Throwable thrown) {
    JournalLayout layout = new JournalLayout(journal);
    layout.setContext(context);
    layout.start();
    return layout.doLayout(
        new LoggingEvent(Logger.FQCN, logger, level, message, thrown, new Object[0]));
  }

  @Test
  void underTheJournalAPriorityPrefixAndNoTimestamp() {
    assertThat(line(true, Level.WARN, "hv2: connection lost", null))
        .isEqualTo("<4>HostConnection: hv2: connection lost\n");
    assertThat(line(true, Level.INFO, "connected", null)).startsWith("<6>");
    assertThat(line(true, Level.ERROR, "failed", new IllegalStateException("boom")))
        .startsWith("<3>HostConnection: failed\n<3>java.lang.IllegalStateException: boom\n<3>\tat ");
  }

  @Test
  void elsewhereTimeLevelThreadAndLogger() {
    assertThat(line(false, Level.INFO, "connected", null))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[.*\\] HostConnection: connected\\n");
    assertThat(line(false, Level.WARN, "two\nlines", new IllegalStateException("boom")))
        .matches("(?s)\\S+ WARN  \\[.*\\] HostConnection: two\nlines\njava.lang.IllegalStateException: boom\n\tat .*\n")
        .doesNotContain("\n\n");
  }
}
