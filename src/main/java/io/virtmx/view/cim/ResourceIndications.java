/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.ClassRepository;
import io.virtmx.view.cim.schema.CimProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * libvirt-cim's {@code ResourceAllocationSettingDataCreated/Deleted/ModifiedIndication}s from the
 * management methods: one per RASD a method added, removed or changed, the RASD embedded as
 * SourceInstance (and, on modification, as it was before as PreviousInstance).
 */
final class ResourceIndications {
  /** Properties never embedded, in lower case. */
  private static final Set<String> SECRETS = Set.of("password", "passwd");
  private final IndicationSink sink;
  private final Function<String, List<String>> namespacesOfHost;

  /** {@code sink} null sends nothing (a view started without indications). */
  ResourceIndications(IndicationSink sink, Function<String, List<String>> namespacesOfHost) {
    this.sink = sink;
    this.namespacesOfHost = namespacesOfHost;
  }

  void created(RequestContext c, List<CimInstance> rasds) {
    rasds.forEach(r -> publish(c, IndicationKind.RASD_CREATED, r, null));
  }

  void deleted(RequestContext c, List<CimInstance> rasds) {
    rasds.forEach(r -> publish(c, IndicationKind.RASD_DELETED, r, null));
  }

  void modified(RequestContext c, CimInstance now, CimInstance before) {
    publish(c, IndicationKind.RASD_MODIFIED, now, before);
  }

  private void publish(RequestContext c, IndicationKind kind, CimInstance rasd, CimInstance before) {
    if (sink == null) {
      return;
    }
    String host = c.model().host().host();
    sink.publish(
        Indication.of(
            kind,
            c.model().prefix(),
            namespacesOfHost.apply(host),
            rasd,
            before,
            HostInstances.fqdn(c.model().host()),
            Instant.now()));
  }

  /** The RASDs of a domain as the model serves them now. */
  static List<CimInstance> rasdsOf(RequestContext c, String domain) {
    return c.model().group("rasd").stream()
        .filter(r -> String.valueOf(r.get("InstanceID")).startsWith(domain + "/"))
        .toList();
  }

  /**
   * A RASD instance from what a client sent ({@code values} as text), typed by its class: its
   * InstanceID {@code id}; properties the class lacks, values of the wrong kind and secrets (a
   * graphics device's {@code Password}, whatever the class says) are left out, as indications go to
   * every subscriber.
   */
  static CimInstance sent(
      ClassRepository repo, String className, String id, Map<String, Object> values) {
    CimClass cls = repo.get(className);
    Map<String, Object> typed = new LinkedHashMap<>();
    if (cls != null) {
      values.forEach(
          (name, v) -> {
            CimProperty p = SECRETS.contains(name.toLowerCase(Locale.ROOT)) ? null : cls.property(name);
            Object t = p == null ? null : typed(p, v);
            if (t != null) {
              typed.put(p.name(), t);
            }
          });
    }
    typed.put("InstanceID", id);
    typed.put("ElementName", id.substring(id.indexOf('/') + 1));
    String name = cls == null ? className : cls.name();
    CimObjectPath path =
        new CimObjectPath(null, name, List.of(new CimObjectPath.Key("InstanceID", id)));
    return new CimInstance(name, path, typed);
  }

  private static Object typed(CimProperty p, Object v) {
    if (p.array() || !(v instanceof String s)) {
      return p.array() && v instanceof List<?> l && p.type() == io.virtmx.view.cim.schema.CimType.STRING
          ? new ArrayList<>(l)
          : null;
    }
    try {
      return switch (p.type()) {
        case STRING -> s;
        case BOOLEAN -> Boolean.valueOf(s.strip().equalsIgnoreCase("true"));
        default -> p.type().integral() ? (Object) Long.decode(s.strip()) : null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
