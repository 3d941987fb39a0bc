/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.metrics;

import java.util.Arrays;

/**
 * The labels of one series, sorted by name as the exposition writes them, e.g. {@code
 * {domain="web",host="hv1",uuid="…"}}. The values are the snapshot's own strings, not copies; a
 * domain's {host, domain, uuid} set is made once per rendering and shared by its series.
 */
final class Labels {
  static final Labels EMPTY = new Labels(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private Labels(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    sort();
  }

  /** Labels from name/value pairs. */
  static Labels of(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("label names and values must come in pairs");
    }
    String[] n = new String[pairs.length / 2];
    String[] v = new String[pairs.length / 2];
    for (int i = 0; i < n.length; i++) {
      n[i] = pairs[2 * i];
      v[i] = pairs[2 * i + 1];
    }
    return new Labels(n, v);
  }

  /** These labels and more; a name given twice is refused. */
  Labels merge(String[] moreNames, String[] moreValues) {
    if (moreNames.length != moreValues.length) {
      throw new IllegalArgumentException("as many label values as names are needed");
    }
    String[] n = Arrays.copyOf(names, names.length + moreNames.length);
    String[] v = Arrays.copyOf(values, values.length + moreValues.length);
    System.arraycopy(moreNames, 0, n, names.length, moreNames.length);
    System.arraycopy(moreValues, 0, v, values.length, moreValues.length);
    return new Labels(n, v);
  }

  Labels add(String name, String value) {
    return merge(new String[] {name}, new String[] {value});
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  /** Insertion sort by name (a handful of labels), refusing null values and duplicate names. */
  private void sort() {
    for (int i = 0; i < names.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException("value of label " + names[i]);
      }
      for (int j = i; j > 0 && names[j - 1].compareTo(names[j]) >= 0; j--) {
        if (names[j - 1].equals(names[j])) {
          throw new IllegalArgumentException(names[j] + ": duplicate label name");
        }
        String n = names[j];
        names[j] = names[j - 1];
        names[j - 1] = n;
        String v = values[j];
        values[j] = values[j - 1];
        values[j - 1] = v;
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      b.append(i == 0 ? "" : ",").append(names[i]).append("=\"").append(values[i]).append('"');
    }
    return b.append('}').toString();
  }
}
