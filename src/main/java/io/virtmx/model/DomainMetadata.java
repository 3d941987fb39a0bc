/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A domain definition's {@code <title>}, {@code <description>} and the labels read from its {@code
 * <metadata>}: OpenStack Nova's (project, flavor, instance…) and those the operator maps with
 * {@code --label}; label names sorted, values as written.
 */
public record DomainMetadata(String title, String description, Map<String, String> labels) {
  public static final DomainMetadata NONE = new DomainMetadata("", "", Map.of());

  public DomainMetadata {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }
}
