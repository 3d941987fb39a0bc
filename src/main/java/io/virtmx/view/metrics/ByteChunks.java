/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growing byte sequence kept as arrays of at most {@link #MAX_CHUNK} bytes, so that an exposition
 * of any size is never one contiguous array; also an {@link OutputStream} (for the deflater).
 * Chunks start small and double, and the last is trimmed by {@link #chunks()}, so a family of one
 * series costs its bytes and not a whole chunk.
 */
final class ByteChunks extends OutputStream {
  static final int MAX_CHUNK = 64 << 10;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] current;
  private int position;
  private long written;

  ByteChunks(int initialChunk) {
    current = new byte[Math.min(initialChunk, MAX_CHUNK)];
  }

  @Override
  public void write(int b) {
    if (position == current.length) {
      next();
    }
    current[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int offset, int length) {
    while (length > 0) {
      if (position == current.length) {
        next();
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(b, offset, current, position, n);
      position += n;
      offset += n;
      length -= n;
    }
  }

  /** Writes the characters of an ASCII string (names, numbers) as they are. */
  void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  /**
   * Writes a label value as the text formats want it: UTF-8, with {@code \}, {@code "} and a line
   * feed escaped ({@code \\}, {@code \"}, {@code \n}); a lone surrogate becomes {@code ?}, as the
   * JDK's UTF-8 encoder writes it.
   */
  void escaped(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        switch (c) {
          case '\\' -> twoBytes('\\', '\\');
          case '"' -> twoBytes('\\', '"');
          case '\n' -> twoBytes('\\', 'n');
          default -> write(c);
        }
      } else if (c < 0x800) {
        write(0xc0 | c >> 6);
        write(0x80 | c & 0x3f);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        write(0xf0 | cp >> 18);
        write(0x80 | cp >> 12 & 0x3f);
        write(0x80 | cp >> 6 & 0x3f);
        write(0x80 | cp & 0x3f);
      } else if (Character.isSurrogate(c)) {
        write('?');
      } else {
        write(0xe0 | c >> 12);
        write(0x80 | c >> 6 & 0x3f);
        write(0x80 | c & 0x3f);
      }
    }
  }

  private void twoBytes(char a, char b) {
    write(a);
    write(b);
  }

  /** The number of bytes written since the start or the last {@link #clear}. */
  long size() {
    return written + position;
  }

  /** Forgets what was written (the arrays {@link #chunks} gave must no longer be used). */
  void clear() {
    full.clear();
    written = 0;
    position = 0;
  }

  private void next() {
    full.add(current);
    written += current.length;
    current = new byte[Math.min(MAX_CHUNK, current.length * 2)];
    position = 0;
  }

  /** The bytes written so far, each array filled exactly (the last one a trimmed copy). */
  List<byte[]> chunks() {
    List<byte[]> all = new ArrayList<>(full.size() + 1);
    all.addAll(full);
    if (position > 0) {
      all.add(position == current.length ? current : Arrays.copyOf(current, position));
    }
    return all;
  }
}
