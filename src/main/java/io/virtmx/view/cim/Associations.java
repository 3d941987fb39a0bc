/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds association instances between instances the model already has: {@code link(group, part)}
 * makes one instance of the association class with its two references set to the given paths (with
 * their namespaces).
 */
final class Associations {
  private final ClassRepository repo;
  private final String className;
  private final String left;
  private final String right;
  private final List<CimInstance> out = new ArrayList<>();

  Associations(ClassRepository repo, String className, String left, String right) {
    this.repo = repo;
    this.className = className;
    this.left = left;
    this.right = right;
  }

  Associations link(CimObjectPath a, CimObjectPath b) {
    out.add(InstanceBuilder.of(repo, className).set(left, a).set(right, b).build());
    return this;
  }

  Associations link(CimObjectPath a, CimObjectPath b, String property, Object value) {
    return link(a, b, Map.of(property, value));
  }

  /** One instance linking {@code a} and {@code b}, with further properties of the association. */
  Associations link(CimObjectPath a, CimObjectPath b, Map<String, Object> properties) {
    InstanceBuilder i = InstanceBuilder.of(repo, className).set(left, a).set(right, b);
    properties.forEach(i::set);
    out.add(i.build());
    return this;
  }

  /** Links {@code a} to each instance of {@code bs}. */
  Associations linkAll(CimObjectPath a, List<CimInstance> bs, String ns) {
    for (CimInstance b : bs) {
      link(a, b.path().withNamespace(ns));
    }
    return this;
  }

  /** Links each instance of {@code bs} to the path {@code toA} gives for it. */
  Associations linkEach(List<CimInstance> bs, Function<CimInstance, CimObjectPath> toA, String ns) {
    for (CimInstance b : bs) {
      CimObjectPath a = toA.apply(b);
      if (a != null) {
        link(a, b.path().withNamespace(ns));
      }
    }
    return this;
  }

  List<CimInstance> list() {
    return out;
  }
}
