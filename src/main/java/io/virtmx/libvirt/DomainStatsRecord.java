/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import com.sun.jna.Pointer;
import java.util.Map;

/**
 * One domain's entry of a {@link DomainStatsBatch}: its raw {@code virDomainPtr} (valid only until
 * the batch is closed; take {@link NativeDomain#ref} to keep it longer), name, UUID and decoded
 * statistics.
 */
public record DomainStatsRecord(
    Pointer domain, String name, String uuid, Map<String, Object> params) {

  /** Whether the driver returned any parameter of {@code group} for this domain. */
  public boolean hasGroup(StatsGroup group) {
    return DomainStatsParser.hasGroup(params, group);
  }
}
