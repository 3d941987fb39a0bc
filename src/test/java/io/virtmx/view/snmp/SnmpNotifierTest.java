/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.model.ObjectEvent;
import org.junit.jupiter.api.Test;

class SnmpNotifierTest {

  @Test
  void onlyDomainLifecycleEventsAreNotified() {
    assertThat(SnmpNotifier.notifies(ObjectEvent.Kind.DOMAIN, "started")).isTrue();
    assertThat(SnmpNotifier.notifies(ObjectEvent.Kind.DOMAIN, "undefined")).isTrue();
    assertThat(SnmpNotifier.notifies(ObjectEvent.Kind.DOMAIN, "tunable-changed")).isFalse();
    assertThat(SnmpNotifier.notifies(ObjectEvent.Kind.DOMAIN, "balloon-changed")).isFalse();
    assertThat(SnmpNotifier.notifies(ObjectEvent.Kind.DOMAIN, "changed")).isFalse();
    assertThat(SnmpNotifier.notifies(ObjectEvent.Kind.POOL, "started")).isFalse();
  }
}
