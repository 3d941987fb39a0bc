/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.libvirt;

import static io.virtmx.libvirt.NativeLayout.FIELD_LENGTH;
import static io.virtmx.libvirt.NativeLayout.TYPED_PARAM_SIZE;
import static io.virtmx.libvirt.NativeLayout.TYPED_PARAM_TYPE;
import static io.virtmx.libvirt.NativeLayout.TYPED_PARAM_VALUE;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes native {@code virTypedParameter} arrays into insertion-ordered maps of Long, Double,
 * Boolean or String.
 *
 * <p>ULLONG values above {@code Long.MAX_VALUE} come out negative (no libvirt statistic gets
 * there).
 */
public final class TypedParams {

  public static final int TYPE_INT = 1;
  public static final int TYPE_UINT = 2;
  public static final int TYPE_LLONG = 3;
  public static final int TYPE_ULLONG = 4;
  public static final int TYPE_DOUBLE = 5;
  public static final int TYPE_BOOLEAN = 6;
  public static final int TYPE_STRING = 7;

  private TypedParams() {}

  /** Decodes {@code count} parameters starting at {@code params}; an unknown type is skipped. */
  public static Map<String, Object> decode(Pointer params, int count) {
    if (params == null || count <= 0) {
      return Collections.emptyMap();
    }
    Map<String, Object> out = new LinkedHashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      Pointer p = params.share((long) i * TYPED_PARAM_SIZE);
      Object value = value(p, p.getInt(TYPED_PARAM_TYPE));
      if (value != null) {
        out.put(field(p), value);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Frees a parameter array libvirt allocated, including its string values. */
  public static void free(Pointer params, int count) {
    if (params != null) {
      LibvirtNative.INSTANCE.virTypedParamsFree(params, count);
    }
  }

  /** Frees the string values of a parameter array the caller allocated (the array itself stays). */
  public static void clear(Pointer params, int count) {
    if (params != null) {
      LibvirtNative.INSTANCE.virTypedParamsClear(params, count);
    }
  }

  /** Reads a NUL-terminated name from a fixed {@code char[80]} field. */
  static String field(Pointer p) {
    byte[] raw = p.getByteArray(0, FIELD_LENGTH);
    int len = 0;
    while (len < raw.length && raw[len] != 0) {
      len++;
    }
    return new String(raw, 0, len, StandardCharsets.UTF_8);
  }

  private static Object value(Pointer p, int type) {
    return switch (type) {
      case TYPE_INT -> (long) p.getInt(TYPED_PARAM_VALUE);
      case TYPE_UINT -> Integer.toUnsignedLong(p.getInt(TYPED_PARAM_VALUE));
      case TYPE_LLONG, TYPE_ULLONG -> p.getLong(TYPED_PARAM_VALUE);
      case TYPE_DOUBLE -> p.getDouble(TYPED_PARAM_VALUE);
      case TYPE_BOOLEAN -> p.getByte(TYPED_PARAM_VALUE) != 0;
      case TYPE_STRING -> string(p.getPointer(TYPED_PARAM_VALUE));
      default -> null;
    };
  }

  private static String string(Pointer s) {
    return s == null ? "" : s.getString(0, StandardCharsets.UTF_8.name());
  }
}
