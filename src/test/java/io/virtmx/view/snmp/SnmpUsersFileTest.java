/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnmpUsersFileTest {
  @TempDir Path dir;

  private Path file(String text, String permissions) throws IOException {
    Path f = dir.resolve("snmp-users");
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    return f;
  }

  @Test
  void readsUsersWithRoles() throws IOException {
    List<SnmpUser> users =
        SnmpUsersFile.read(
            file("# comment\nalice operator aaaaaaaa pppppppp\n\nbob viewer bbbbbbbb qqqqqqqq\n", "rw-------"));
    assertThat(users).extracting(SnmpUser::name).containsExactly("alice", "bob");
    assertThat(users).extracting(SnmpUser::role).containsExactly(Role.OPERATOR, Role.VIEWER);
    assertThat(users.get(0).toString()).doesNotContain("aaaaaaaa");
  }

  @Test
  void refusesAFileOthersMayRead() throws IOException {
    Path f = file("alice operator aaaaaaaa pppppppp\n", "rw-r--r--");
    assertThatThrownBy(() -> SnmpUsersFile.read(f)).hasMessageContaining("readable");
  }

  @Test
  void refusesShortPassphrasesUnknownRolesAndDuplicates() throws IOException {
    assertThatThrownBy(() -> SnmpUsersFile.read(file("alice operator short pppppppp\n", "rw-------")))
        .hasMessageContaining(":1:")
        .hasMessageContaining("8 characters");
    assertThatThrownBy(() -> SnmpUsersFile.read(file("alice admin aaaaaaaa pppppppp\n", "rw-------")))
        .hasMessageContaining("unknown role");
    assertThatThrownBy(
            () ->
                SnmpUsersFile.read(
                    file("a viewer aaaaaaaa pppppppp\na viewer aaaaaaaa pppppppp\n", "rw-------")))
        .hasMessageContaining("twice");
  }

  @Test
  void parsesCommunitiesAndTargets() {
    assertThat(Community.parse("public:viewer")).isEqualTo(new Community("public", Role.VIEWER));
    assertThatThrownBy(() -> Community.parse("public")).hasMessageContaining("NAME:viewer");
    NotifyTarget t = NotifyTarget.parse("udp:127.0.0.1:1162", false);
    assertThat(t.address().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(t.port()).isEqualTo(1162);
    assertThatThrownBy(() -> NotifyTarget.parse("udp:127.0.0.1:0", false)).hasMessageContaining("bad port");
  }

  @Test
  void guestStatesStayInsideTheEnumerations() {
    for (io.virtmx.model.DomainState s : io.virtmx.model.DomainState.values()) {
      assertThat(VmMib.operState(s)).isBetween(1, 12);
    }
    assertThat(NotificationContent.vmNotification(event("suspended"))).isEqualTo(4);
    assertThat(NotificationContent.vmNotification(event("started"))).isEqualTo(1);
    assertThat(NotificationContent.vmNotification(event("undefined"))).isEqualTo(10);
    assertThat(NotificationContent.stateAfter(event("stopped"))).isEqualTo(5);
    assertThat(NotificationContent.libvirtGuest("web1", new byte[16], 5)[3].getVariable().toInt())
        .isEqualTo(LibvirtMib.ROW_NOT_IN_SERVICE);
  }

  private static io.virtmx.model.ObjectEvent event(String name) {
    return new io.virtmx.model.ObjectEvent(
        "h", io.virtmx.model.ObjectEvent.Kind.DOMAIN, "web1", "", name, "", java.time.Instant.EPOCH);
  }
}
