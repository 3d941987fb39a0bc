/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

/**
 * CPU utilisation of a domain between two samples: as a percentage of one host core (can exceed 100
 * with several vCPUs) and as a percentage of its allocated vCPUs (0–100). NaN until two samples
 * exist.
 */
public record DomainRates(double cpuPercentOfCore, double cpuPercentOfVcpus) {
  public static final DomainRates UNKNOWN = new DomainRates(Double.NaN, Double.NaN);
}
