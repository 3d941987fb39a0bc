/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.ClassRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Associators and References of one instance, filtered as DSP0200 says: AssocClass (References:
 * ResultClass) on the association, Role on the reference naming the source, ResultRole and
 * ResultClass on the far end.
 */
final class AssociationQuery {
  private final ClassRepository repo;
  private final HostModel model;

  AssociationQuery(ClassRepository repo, HostModel model) {
    this.repo = repo;
    this.model = model;
  }

  /**
   * The association instances referencing {@code source} in a property named {@code role} (any when
   * null).
   */
  List<CimInstance> references(String ns, CimObjectPath source, String assocClass, String role) {
    List<CimInstance> out = new ArrayList<>();
    for (CimInstance a : model.associationsOf(ns, source)) {
      if (assocClass != null && !repo.isA(a.className(), assocClass)) {
        continue;
      }
      if (role == null || roleOf(a, source).stream().anyMatch(r -> r.equalsIgnoreCase(role))) {
        out.add(a);
      }
    }
    return out;
  }

  /** The instances at the far ends of those associations, without duplicates. */
  List<Found> associators(
      String ns,
      CimObjectPath source,
      String assocClass,
      String resultClass,
      String role,
      String resultRole) {
    Set<CimObjectPath> seen = new LinkedHashSet<>();
    List<Found> out = new ArrayList<>();
    for (CimInstance a : references(ns, source, assocClass, role)) {
      for (Map.Entry<String, Object> e : a.values().entrySet()) {
        if (!(e.getValue() instanceof CimObjectPath far) || far.equals(source)) {
          continue;
        }
        if (resultRole != null && !e.getKey().equalsIgnoreCase(resultRole)) {
          continue;
        }
        if (resultClass != null && !repo.isA(far.className(), resultClass)) {
          continue;
        }
        String farNs = far.namespace() != null ? HostModel.namespace(far.namespace()) : ns;
        CimInstance target = model.get(farNs, far);
        if (target != null && seen.add(far)) {
          out.add(new Found(target, farNs));
        }
      }
    }
    return out;
  }

  private static List<String> roleOf(CimInstance a, CimObjectPath source) {
    List<String> roles = new ArrayList<>(1);
    a.values()
        .forEach(
            (k, v) -> {
              if (source.equals(v)) {
                roles.add(k);
              }
            });
    return roles;
  }
}
