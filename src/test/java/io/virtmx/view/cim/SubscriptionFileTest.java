/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionFileTest {
  @TempDir Path dir;

  @Test
  void whatIsSavedIsLoadedAgainReadableByTheOwnerOnly() throws Exception {
    Path path = dir.resolve("subs");
    SubscriptionFile file = new SubscriptionFile(path);
    Subscriptions a = new Subscriptions();
    a.onChange(file::save);
    String q = "SELECT * FROM CIM_InstModification WHERE SourceInstance.Name = 'tab\there'";
    a.add(new Subscriptions.Filter("f 1", q, "root/virt", "alice", new Wql(q)));
    a.add(new Subscriptions.Destination("d", "CIM_ListenerDestinationCIMXML", "http://127.0.0.1:1", "alice"));
    Instant t = Instant.parse("2026-12-01T04:00:00Z");
    a.add(new Subscriptions.Subscription("f 1", "d", "alice", t, Subscriptions.ENABLED));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    Subscriptions b = new Subscriptions();
    file.load(b);
    assertThat(b.filter("F 1").query()).isEqualTo(q);
    assertThat(b.filter("f 1").sourceNamespace()).isEqualTo("root/virt");
    assertThat(b.destination("d").url()).isEqualTo("http://127.0.0.1:1");
    assertThat(b.subscriptions()).containsExactly(a.subscriptions().get(0));
    assertThat(Files.list(dir)).containsExactly(path);
  }

  @Test
  void filtersAndDestinationsInUseCannotBeDeletedAndLimitsHold() {
    Subscriptions s = new Subscriptions();
    String q = "SELECT * FROM CIM_InstCreation";
    s.add(new Subscriptions.Filter("f", q, null, "alice", new Wql(q)));
    s.add(new Subscriptions.Destination("d", "CIM_ListenerDestinationCIMXML", "http://127.0.0.1:1", "alice"));
    s.add(new Subscriptions.Subscription("f", "d", "alice", Instant.now(), Subscriptions.ENABLED));
    assertThatThrownBy(() -> s.removeFilter("f")).isInstanceOf(CimException.class);
    assertThatThrownBy(() -> s.add(new Subscriptions.Filter("F", q, null, "bob", new Wql(q))))
        .isInstanceOfSatisfying(
            CimException.class, e -> assertThat(e.code()).isEqualTo(CimException.ALREADY_EXISTS));
    for (int i = 1; i < DeliverySettings.MAX_FILTERS; i++) {
      s.add(new Subscriptions.Filter("f" + i, q, null, "alice", new Wql(q)));
    }
    assertThatThrownBy(() -> s.add(new Subscriptions.Filter("one-more", q, null, "a", new Wql(q))))
        .isInstanceOfSatisfying(
            CimException.class,
            e -> assertThat(e.code()).isEqualTo(CimException.SERVER_LIMITS_EXCEEDED));
    assertThat(s.failing("d", DeliverySettings.RemovalAction.REMOVE)).hasSize(1);
    assertThat(s.subscriptions()).isEmpty();
  }

  @Test
  void theFileIsWrittenOutsideTheLockAndTheNewestCopyWins() throws Exception {
    Subscriptions s = new Subscriptions();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> handed = new CopyOnWriteArrayList<>();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    s.onChange(
        copy -> {
          writing.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          handed.add(copy.version());
          sizes.add(copy.filters().size());
        });
    String q = "SELECT * FROM CIM_InstCreation";
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(() -> s.add(new Subscriptions.Filter("a", q, null, "x", new Wql(q))));
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    // the first hand-over is stuck in "the disk": the maps stay usable meanwhile
    assertThat(CompletableFuture.supplyAsync(s::filters).get(10, TimeUnit.SECONDS)).hasSize(1);
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(() -> s.add(new Subscriptions.Filter("b", q, null, "x", new Wql(q))));
    // the second change is made (under the lock, not waiting for the stuck write) while the first
    // hand-over still waits
    io.virtmx.testbed.Await.until(
        "the second change is made",
        () -> CompletableFuture.supplyAsync(s::version).get(10, TimeUnit.SECONDS) == 2,
        java.time.Duration.ofSeconds(10));
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    // versions only grow, and the last copy handed over holds both changes
    assertThat(handed).isSorted().doesNotHaveDuplicates().last().isEqualTo(2L);
    assertThat(sizes).last().isEqualTo(2);
  }
}
