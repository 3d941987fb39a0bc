/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the testbed ITs read the bed's env file and the agent's exposition. */
class TestBedEnvTest {

  @Test
  void envLinesAreKeyValueWithTheValueKeptWhole() {
    assertThat(
            TestBedEnv.parse(
                "# comment\n"
                    + "HV2_TLS_URI=qemu+tls://198.18.0.2/system?pkipath=/var/lib/x/pki/client\n"
                    + "GUEST1=vmx-guest1\n"
                    + "\n"))
        .containsExactly(
            java.util.Map.entry(
                "HV2_TLS_URI", "qemu+tls://198.18.0.2/system?pkipath=/var/lib/x/pki/client"),
            java.util.Map.entry("GUEST1", "vmx-guest1"));
  }

  @Test
  void metricMatchesEveryGivenLabel() {
    String page =
        "libvirt_domain_state_code{domain=\"vmx-guest1\",host=\"vm\",uuid=\"u1\"} 1.0\n"
            + "libvirt_domain_state_code{domain=\"vmx-guest2\",host=\"hv2\",uuid=\"u2\"} 5.0\n"
            + "libvirt_domain_state_code_other{domain=\"vmx-guest2\",host=\"hv2\"} 9.0\n";
    assertThat(
            TestBedEnv.metric(
                page, "libvirt_domain_state_code", "host", "hv2", "domain", "vmx-guest2"))
        .hasValue(5.0);
    assertThat(
            TestBedEnv.metric(
                page, "libvirt_domain_state_code", "host", "vm", "domain", "vmx-guest2"))
        .isEmpty();
    assertThat(TestBedEnv.metric(page, "libvirt_domain_state", "host", "vm")).isEmpty();
  }
}
