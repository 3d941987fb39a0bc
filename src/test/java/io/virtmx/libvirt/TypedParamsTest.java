/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedParamsTest {

  @Test
  void decodesEveryTypeInOrder() {
    try (Memory params = new Memory(8L * NativeLayout.TYPED_PARAM_SIZE);
        Memory text = new Memory(16)) {
      params.clear();
      text.setString(0, "/dev/vda", StandardCharsets.UTF_8.name());
      put(params, 0, "a.int", TypedParams.TYPE_INT).setInt(NativeLayout.TYPED_PARAM_VALUE, -5);
      put(params, 1, "b.uint", TypedParams.TYPE_UINT)
          .setInt(NativeLayout.TYPED_PARAM_VALUE, 0xFFFFFFFF);
      put(params, 2, "c.llong", TypedParams.TYPE_LLONG)
          .setLong(NativeLayout.TYPED_PARAM_VALUE, -1L << 40);
      put(params, 3, "d.ullong", TypedParams.TYPE_ULLONG)
          .setLong(NativeLayout.TYPED_PARAM_VALUE, 1L << 50);
      put(params, 4, "e.double", TypedParams.TYPE_DOUBLE)
          .setDouble(NativeLayout.TYPED_PARAM_VALUE, 2.5);
      put(params, 5, "f.bool", TypedParams.TYPE_BOOLEAN)
          .setByte(NativeLayout.TYPED_PARAM_VALUE, (byte) 1);
      put(params, 6, "g.string", TypedParams.TYPE_STRING)
          .setPointer(NativeLayout.TYPED_PARAM_VALUE, text);
      put(params, 7, "h.unknown", 99);

      Map<String, Object> decoded = TypedParams.decode(params, 8);

      assertThat(decoded)
          .containsExactly(
              Map.entry("a.int", -5L),
              Map.entry("b.uint", 4294967295L),
              Map.entry("c.llong", -1L << 40),
              Map.entry("d.ullong", 1L << 50),
              Map.entry("e.double", 2.5),
              Map.entry("f.bool", true),
              Map.entry("g.string", "/dev/vda"));
    }
  }

  @Test
  void fieldNameOfFullLengthIsCutAtTheArray() {
    try (Memory params = new Memory(NativeLayout.TYPED_PARAM_SIZE)) {
      params.clear();
      byte[] name = "x".repeat(NativeLayout.FIELD_LENGTH).getBytes(StandardCharsets.US_ASCII);
      params.write(0, name, 0, name.length);
      params.setInt(NativeLayout.TYPED_PARAM_TYPE, TypedParams.TYPE_INT);
      assertThat(TypedParams.decode(params, 1))
          .containsOnlyKeys("x".repeat(NativeLayout.FIELD_LENGTH));
    }
  }

  @Test
  void emptyInput() {
    assertThat(TypedParams.decode(null, 3)).isEmpty();
  }

  private static com.sun.jna.Pointer put(Memory params, int index, String field, int type) {
    com.sun.jna.Pointer p = params.share((long) index * NativeLayout.TYPED_PARAM_SIZE);
    p.setString(0, field, StandardCharsets.US_ASCII.name());
    p.setInt(NativeLayout.TYPED_PARAM_TYPE, type);
    return p;
  }
}
