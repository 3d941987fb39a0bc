/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationListener;
import org.junit.jupiter.api.Test;

class QuietEmitterTest {
  @Test
  void aListenerIsAddedAndRemovedLikeOnAnyEmitter() throws Exception {
    QuietEmitter emitter = new QuietEmitter();
    NotificationListener listener = (n, handback) -> {};
    NotificationListener other = (n, handback) -> {};

    assertThatThrownBy(() -> emitter.removeNotificationListener(listener))
        .isInstanceOf(ListenerNotFoundException.class);
    emitter.addNotificationListener(listener, null, "h");
    assertThatThrownBy(() -> emitter.removeNotificationListener(other))
        .isInstanceOf(ListenerNotFoundException.class);
    assertThatThrownBy(() -> emitter.removeNotificationListener(listener, null, "other"))
        .isInstanceOf(ListenerNotFoundException.class);
    emitter.removeNotificationListener(listener, null, "h");
    assertThatThrownBy(() -> emitter.removeNotificationListener(listener))
        .isInstanceOf(ListenerNotFoundException.class);
    assertThat(emitter.getNotificationInfo()).isEmpty();
  }
}
