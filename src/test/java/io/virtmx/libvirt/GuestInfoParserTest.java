/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.GuestFilesystem;
import io.virtmx.model.GuestOs;
import io.virtmx.model.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestInfoParserTest {

  @Test
  void readsTheTestBedGuestAsVirshPrintsIt() {
    Map<String, Object> p = load("guestinfo-vmx-guest1.txt");

    assertThat(GuestInfoParser.hostname(p)).isEqualTo("vmx-guest1");
    assertThat(GuestInfoParser.timezone(p)).isEqualTo("UTC");
    assertThat(GuestInfoParser.users(p)).isZero();
    assertThat(GuestInfoParser.os(p)).isEqualTo(new GuestOs("", "", "", "6.1.0-57-cloud-amd64"));
    assertThat(GuestInfoParser.filesystems(p))
        .containsExactly(new GuestFilesystem("/data", "ext4", List.of("vda"), 52685824, 277504));
  }

  @Test
  void aHostileGuestGetsItsTextsCutAndItsFileSystemsCounted() {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("hostname", "h".repeat(10_000));
    p.put("fs.count", 1_000_000L);
    for (int i = 0; i < 100; i++) {
      p.put("fs." + i + ".mountpoint", "/m" + i);
      p.put("fs." + i + ".disk.count", 1_000_000L);
    }

    assertThat(GuestInfoParser.hostname(p)).hasSize(GuestInfoParser.MAX_TEXT);
    assertThat(GuestInfoParser.filesystems(p)).hasSize(GuestInfoParser.MAX_ITEMS);
  }

  @Test
  void prefersPrettyNameAndVersionIdAndKeepsAFileSystemWithoutSizes() {
    Map<String, Object> p = load("guestinfo-debian-two-fs.txt");

    assertThat(GuestInfoParser.os(p))
        .isEqualTo(
            new GuestOs("debian", "Debian GNU/Linux 12 (bookworm)", "12", "6.1.0-18-amd64"));
    assertThat(GuestInfoParser.users(p)).isEqualTo(2);
    assertThat(GuestInfoParser.filesystems(p))
        .containsExactly(
            new GuestFilesystem("/", "ext4", List.of("vda"), 10464022528L, 2312486912L),
            new GuestFilesystem("/srv", "xfs", List.of("/dev/vdb"), 21463302144L, 183500800L),
            new GuestFilesystem(
                "/media/cdrom", "iso9660", List.of(), Values.UNKNOWN, Values.UNKNOWN));
  }

  @Test
  void anEmptyAnswerIsUnknownEverywhere() {
    Map<String, Object> p = Map.of();

    assertThat(GuestInfoParser.os(p)).isEqualTo(GuestOs.UNKNOWN);
    assertThat(GuestInfoParser.users(p)).isEqualTo(Values.UNKNOWN);
    assertThat(GuestInfoParser.filesystems(p)).isEmpty();
    assertThat(GuestInfoParser.hostname(p)).isEmpty();
  }

  /** Reads {@code virsh guestinfo} output ("key : value") into typed-parameter-like values. */
  static Map<String, Object> load(String name) {
    try (InputStream in = GuestInfoParserTest.class.getResourceAsStream("/fixtures/" + name)) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(" : ");
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).trim();
        String value = line.substring(colon + 3).trim();
        out.put(key, value.matches("\\d+") ? (Object) Long.parseLong(value) : value);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
