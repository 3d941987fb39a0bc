/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.virtmx.model.DomainState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle policy over every state and every change, and its refusal text. */
class LifecycleTest {

  /**
   * One row per change, one column per state in {@link DomainState}'s order: no state, running,
   * blocked, paused, shutdown (being shut down), shut off, crashed, pmsuspended.
   */
  private static final String TABLE =
      """
      start         y - - - - y - -
      shutdown      y y y y y - - -
      reboot        y y y y - - - -
      reset         y y y y - - y -
      destroy       y y y y y - y y
      suspend       y y y - - - - -
      resume        y - - y - - y -
      managedSave   y y y y - - - -
      save          y y y y - - - -
      enable        y - - y - y - -
      """;

  @Test
  void everyChangeFromEveryState() {
    List<String> actual = new ArrayList<>();
    for (Lifecycle change : Lifecycle.values()) {
      StringBuilder row = new StringBuilder(String.format("%-14s", change.operation()));
      for (DomainState state : DomainState.values()) {
        row.append(change.allowedFrom(state) ? "y" : "-").append(' ');
      }
      actual.add(row.toString().strip());
    }
    assertThat(actual).containsExactlyElementsOf(TABLE.lines().map(String::strip).toList());
  }

  @Test
  void aRefusalNamesTheDomainItsStateAndTheChange() {
    assertThatThrownBy(() -> Lifecycle.SUSPEND.check("web1", DomainState.SHUTOFF))
        .isInstanceOf(OperationException.class)
        .hasMessage("domain 'web1' is shut off: cannot suspend it")
        .extracting(e -> ((OperationException) e).reason())
        .isEqualTo(OperationException.Reason.INVALID_STATE);
    assertThatThrownBy(() -> Lifecycle.START.check("web1", DomainState.RUNNING))
        .hasMessage("domain 'web1' is running: cannot start it");
    assertThatThrownBy(() -> Lifecycle.SHUT_DOWN.check("web1", DomainState.SHUTOFF))
        .hasMessage("domain 'web1' is shut off: cannot shut it down");
    assertThatThrownBy(() -> Lifecycle.MANAGED_SAVE.check("web1", DomainState.PMSUSPENDED))
        .hasMessage("domain 'web1' is pmsuspended: cannot save it");
    assertThatThrownBy(() -> Lifecycle.ENABLE.check("web1", DomainState.RUNNING))
        .hasMessage("domain 'web1' is running: cannot start or resume it");
  }

  @Test
  void aValidChangePasses() {
    assertThatCode(() -> Lifecycle.RESUME.check("web1", DomainState.PAUSED))
        .doesNotThrowAnyException();
  }
}
