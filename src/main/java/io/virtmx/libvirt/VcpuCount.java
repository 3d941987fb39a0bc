/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

/** Current and maximum vCPU count of a domain; -1 where unknown. */
public record VcpuCount(int current, int maximum) {
  public static final VcpuCount UNKNOWN = new VcpuCount(-1, -1);
}
