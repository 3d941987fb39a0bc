/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Objects;

/**
 * The operating system a guest agent reports ({@code os.*} of {@code virDomainGetGuestInfo}), e.g.
 * debian / Debian GNU/Linux 12 (bookworm) / 12 / 6.1.0-18-amd64; "" where it said nothing.
 */
public record GuestOs(String id, String name, String version, String kernel) {
  public static final GuestOs UNKNOWN = new GuestOs("", "", "", "");

  public GuestOs {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kernel, "kernel");
  }
}
