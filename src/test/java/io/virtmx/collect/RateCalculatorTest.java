/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.virtmx.model.DomainRates;
import io.virtmx.model.DomainSnapshot;
import io.virtmx.model.IoRates;
import io.virtmx.model.Snapshots;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateCalculatorTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void cpuPercentOfOneCoreAndOfAllocatedVcpus() {
    DomainSnapshot a = domain(1, 0, 10 * SECOND, 0, 0);
    DomainSnapshot b = domain(1, 2 * SECOND, 11 * SECOND, 0, 0); // 1 s of CPU in 2 s, 2 vCPUs

    DomainRates r = RateCalculator.rate(a, b).rates();

    assertThat(r.cpuPercentOfCore()).isCloseTo(50.0, within(1e-9));
    assertThat(r.cpuPercentOfVcpus()).isCloseTo(25.0, within(1e-9));
  }

  @Test
  void diskAndInterfaceBytesAndOpsPerSecond() {
    DomainSnapshot a = domain(1, 0, 0, 1000, 10);
    DomainSnapshot b = domain(1, 4 * SECOND, 0, 5000, 30);

    DomainSnapshot rated = RateCalculator.rate(a, b);
    IoRates disk = rated.disks().get(0).rates();
    IoRates nic = rated.interfaces().get(0).rates();

    assertThat(disk.readBytesPerSec()).isEqualTo(1000.0);
    assertThat(disk.readOpsPerSec()).isEqualTo(5.0);
    assertThat(nic.readBytesPerSec()).isEqualTo(1000.0);
    assertThat(nic.writeOpsPerSec()).isEqualTo(5.0);
  }

  @Test
  void counterGoingBackwardsRestartsTheRateInsteadOfGoingNegative() {
    DomainSnapshot a = domain(1, 0, 50 * SECOND, 9000, 90);
    DomainSnapshot b = domain(1, SECOND, 2 * SECOND, 100, 1);

    DomainSnapshot rated = RateCalculator.rate(a, b);

    assertThat(rated.rates().cpuPercentOfCore()).isNaN();
    assertThat(rated.disks().get(0).rates().readBytesPerSec()).isNaN();
    assertThat(rated.interfaces().get(0).rates().writeBytesPerSec()).isNaN();
  }

  @Test
  void restartedDomainHasNoRatesUntilItsNextSample() {
    DomainSnapshot a = domain(1, 0, 0, 0, 0);
    DomainSnapshot b = domain(2, SECOND, SECOND, 500, 5); // new id: it was restarted

    assertThat(RateCalculator.rate(a, b).rates().cpuPercentOfCore()).isNaN();
  }

  @Test
  void unknownCountersGiveNoRate() {
    assertThat(RateCalculator.perSecond(-1, 10, 1)).isNaN();
    assertThat(RateCalculator.perSecond(10, -1, 1)).isNaN();
    assertThat(RateCalculator.perSecond(10, 20, 0)).isNaN();
    assertThat(RateCalculator.perSecond(10, 20, 2)).isEqualTo(5.0);
  }

  @Test
  void carryOverKeepsThePreviousRatesForAnOffCycleSample() {
    DomainSnapshot a =
        RateCalculator.rate(domain(1, 0, 0, 0, 0), domain(1, SECOND, SECOND / 2, 100, 1));
    DomainSnapshot c = domain(1, SECOND + 1000, SECOND / 2, 100, 1);

    DomainSnapshot carried = RateCalculator.carryOver(a, c);

    assertThat(carried.rates()).isEqualTo(a.rates());
    assertThat(carried.disks().get(0).rates()).isEqualTo(a.disks().get(0).rates());
  }

  private static DomainSnapshot domain(int id, long sampled, long cpuNs, long bytes, long ops) {
    return Snapshots.domain("d")
        .uuid("u-1")
        .id(id)
        .running()
        .vcpus(2, 2)
        .memoryKib(1024, 2048)
        .cpu(cpuNs, -1, -1)
        .disk(
            Snapshots.disk("vda")
                .source("/d.qcow2")
                .reads(ops, bytes, 0)
                .writes(ops, bytes, 0)
                .flushes(0, 0)
                .errors(0)
                .sizes(0, 0, 0))
        .nic(
            Snapshots.nic("vnet0")
                .mac("52:54:00:00:00:01")
                .bridge("br0")
                .rx(bytes, ops, 0, 0)
                .tx(bytes, ops, 0, 0))
        .sampled(Instant.EPOCH, sampled)
        .build();
  }
}
