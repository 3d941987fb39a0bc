/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jolokia;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
  private final RequestLimits limits =
      new RequestLimits(ManagementFactory.getPlatformMBeanServer(), 3, 5);

  private void post(String json) throws RequestLimits.Refused {
    limits.checkPost(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsOrdinaryRequests() {
    assertThatCode(
            () -> {
              post(
                  "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"Uptime\"}");
              post(
                  "[{\"type\":\"version\"},{\"type\":\"search\",\"mbean\":\"java.lang:type=Memory\"}]");
              limits.checkGet("/read/java.lang:type=Runtime/Uptime");
              limits.checkGet("/");
            })
        .doesNotThrowAnyException();
  }

  @Test
  void refusesMalformedAndDeepJson() {
    assertThatThrownBy(() -> post("{\"type\":")).hasMessageStartingWith("malformed JSON request");
    assertThatThrownBy(() -> post("[".repeat(100_000)))
        .hasMessage("JSON request nested deeper than 32 levels");
    assertThatThrownBy(() -> post("42")).hasMessageContaining("JSON object or an array");
  }

  @Test
  void refusesCommandsThePolicyNeverAllows() {
    assertThatThrownBy(() -> post("{\"type\":\"notification\",\"command\":\"register\"}"))
        .hasMessage("request type 'notification' is not allowed");
    assertThatThrownBy(() -> post("[{\"type\":\"read\"},{\"type\":\"write\"}]"))
        .hasMessage("request type 'write' is not allowed");
    assertThatThrownBy(() -> limits.checkGet("/notification/register"))
        .hasMessage("request type 'notification' is not allowed");
  }

  @Test
  void capsBulkSizeAndMBeansTouched() {
    assertThatThrownBy(() -> post("[{\"type\":\"version\"},{},{},{}]"))
        .hasMessage("bulk request of 4 requests: at most 3 at once");
    // java.lang:* matches more than five platform MXBeans
    assertThatThrownBy(
            () -> post("{\"type\":\"read\",\"mbean\":\"java.lang:*\",\"attribute\":\"Name\"}"))
        .hasMessageContaining("request reads more than 5 values");
    assertThatThrownBy(() -> limits.checkGet("/read/java.lang:*/Name"))
        .hasMessageContaining("request reads more than 5 values");
    // one MBean, but a read without attributes counts each of its attributes (Runtime has > 5)
    assertThatThrownBy(() -> post("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\"}"))
        .hasMessageContaining("request reads more than 5 values");
    assertThatThrownBy(() -> limits.checkGet("/read/java.lang:type=Runtime"))
        .hasMessageContaining("request reads more than 5 values");
    assertThatCode(
            () ->
                post(
                    "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":[\"Uptime\",\"Name\"]}"))
        .doesNotThrowAnyException();
  }
}
