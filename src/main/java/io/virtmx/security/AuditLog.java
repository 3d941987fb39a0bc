/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one line per operation attempt and per failed, throttled or fresh login, all
 * through the SLF4J logger {@value #LOGGER} (where it goes is {@code --audit-log}'s business), in
 * one {@code key=value} form. A value that is not one plain word is double-quoted with {@code \"},
 * {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} escapes, and cut after
 * {@value #MAX_VALUE} characters, so no user name or libvirt message can end a line or forge a
 * field:
 *
 * <pre>
 * op=suspend result=ok host=vm object=domain/vm1 args="" user=alice role=operator view=jolokia client=127.0.0.1
 * op=setMemory result=refused reason="user 'bob' (viewer) may not run operation 'setMemory'" host=vm object=domain/vm1 args="memory-kib=1048576" user=bob role=viewer view=jmx client=192.0.2.7
 * op=login result=failed user=bob view=jolokia client=127.0.0.2 failures=4 user-failures=4 retry-after=1
 * </pre>
 */
public final class AuditLog {
  public static final String LOGGER = "io.virtmx.audit";
  static final int MAX_VALUE = 512;

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@+,%\\[\\]-]+");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9.-]*");

  private AuditLog() {}

  /** A new line for {@code operation} ("suspend", "login"): {@code op=OPERATION}. */
  public static Line op(String operation) {
    return new Line().with("op", operation);
  }

  /** One audit line being built, field by field, in the order given. */
  public static final class Line {
    private final StringBuilder text = new StringBuilder(192);

    private Line() {}

    /** Appends {@code key=value}; a null value is written as {@code ""}. */
    public Line with(String key, Object value) {
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("bad audit key '" + key + "'");
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(key).append('=').append(value(value == null ? "" : value.toString()));
      return this;
    }

    public String text() {
      return text.toString();
    }

    /** Writes the line to the audit log. */
    public void write() {
      log.info(text.toString());
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /** {@code raw} as a value: bare if it is one plain word, quoted and escaped otherwise. */
  public static String value(String raw) {
    String s = raw;
    String cut = "";
    if (s.length() > MAX_VALUE) {
      int end = Character.isHighSurrogate(s.charAt(MAX_VALUE - 1)) ? MAX_VALUE - 1 : MAX_VALUE;
      cut = "...[" + (s.length() - end) + " more characters]";
      s = s.substring(0, end);
    }
    if (cut.isEmpty() && PLAIN.matcher(s).matches()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + cut.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (invisible(s, i)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append(cut).append('"').toString();
  }

  /**
   * Control and format characters (bidi overrides too), line separators and lone surrogates:
   * escaped so the line reads as it is.
   */
  private static boolean invisible(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
