/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BoundedAnswerTest {
  @Test
  void anEndlessAnswerIsCutAtTheLimitAndTheRestCancelled() {
    AtomicBoolean cancelled = new AtomicBoolean();
    BoundedAnswer answer = new BoundedAnswer();
    answer.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {
            cancelled.set(true);
          }
        });
    for (int i = 0; i < 100 && !cancelled.get(); i++) {
      answer.onNext(List.of(ByteBuffer.wrap(new byte[8192])));
    }

    assertThat(cancelled).isTrue();
    assertThat(answer.getBody().toCompletableFuture().join()).hasSize(BoundedAnswer.LIMIT);
  }

  @Test
  void aShortAnswerIsKeptWhole() {
    BoundedAnswer answer = new BoundedAnswer();
    answer.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    answer.onNext(List.of(ByteBuffer.wrap("<CIM>ok</CIM>".getBytes())));
    answer.onComplete();

    assertThat(answer.getBody().toCompletableFuture().join()).isEqualTo("<CIM>ok</CIM>");
  }
}
