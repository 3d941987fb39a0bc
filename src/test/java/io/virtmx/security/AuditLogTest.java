/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Audit lines are one key=value line each, whatever a user name or libvirt message holds. */
class AuditLogTest {
  @Test
  void plainWordsStayBareEverythingElseIsQuoted() {
    String line =
        AuditLog.op("suspend")
            .with("result", "ok")
            .with("host", "vm")
            .with("object", "domain/vm1")
            .with("args", "")
            .with("client", "2001:db8::1")
            .with("reason", "domain is not running")
            .text();

    assertThat(line)
        .isEqualTo(
            "op=suspend result=ok host=vm object=domain/vm1 args=\"\" client=2001:db8::1"
                + " reason=\"domain is not running\"");
  }

  @Test
  void aValueCannotEndTheLineOrForgeAField() {
    String line =
        AuditLog.op("login")
            .with("result", "failed")
            .with("user", "bob\nop=login result=ok user=admin")
            .with("view", "x\" role=\"operator")
            .text();

    assertThat(line)
        .isEqualTo(
            "op=login result=failed user=\"bob\\nop=login result=ok user=admin\""
                + " view=\"x\\\" role=\\\"operator\"")
        .doesNotContain("\n");
  }

  @Test
  void controlFormatAndSeparatorCharactersAreEscaped() {
    assertThat(AuditLog.value("a\tb\rc\\d")).isEqualTo("\"a\\tb\\rc\\\\d\"");
    assertThat(AuditLog.value("e\u0000f\u001bg\u007f")).isEqualTo("\"e\\u0000f\\u001bg\\u007f\"");
    assertThat(AuditLog.value("rtl\u202eevil\u2028next\u0085"))
        .isEqualTo("\"rtl\\u202eevil\\u2028next\\u0085\"");
    assertThat(AuditLog.value("lone\ud800")).isEqualTo("\"lone\\ud800\"");
    assertThat(AuditLog.value("caf\u00e9 \ud83d\ude00")).isEqualTo("\"caf\u00e9 \ud83d\ude00\"");
    assertThat(AuditLog.value("a=b")).isEqualTo("\"a=b\"");
  }

  @Test
  void longValuesAreCut() {
    String v = AuditLog.value("x".repeat(AuditLog.MAX_VALUE + 10));
    assertThat(v).startsWith("\"xxx").endsWith("...[10 more characters]\"");
    assertThat(v).hasSize(AuditLog.MAX_VALUE + "...[10 more characters]".length() + 2);
  }

  @Test
  void linesGoToTheAuditLogger() {
    try (AuditCapture audit = new AuditCapture()) {
      AuditLog.op("refresh").with("result", "ok").write();
      assertThat(audit.lines()).containsExactly("op=refresh result=ok");
    }
  }
}
