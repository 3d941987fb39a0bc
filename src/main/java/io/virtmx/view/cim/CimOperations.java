/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.ops.Caller;
import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimMethod;
import io.virtmx.view.cim.schema.CimProperty;
import io.virtmx.view.cim.schema.ClassRepository;
import io.virtmx.view.cim.xml.CimRequest;
import io.virtmx.view.cim.xml.CimXmlWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Function;

/**
 * Answers CIM-XML requests (DSP0200 intrinsic operations and the extrinsic {@link Methods}) from the model of
 * the current snapshot, as a complete response document; CIM errors become an ERROR element in it.
 */
public final class CimOperations {
  private static final Set<String> CHANGING =
      Set.of(
          "CreateClass",
          "ModifyClass",
          "DeleteClass",
          "CreateInstance",
          "ModifyInstance",
          "DeleteInstance",
          "SetProperty",
          "SetQualifier",
          "DeleteQualifier");

  private final ClassRepository repo;
  private final Function<String, HostModel> models;
  private final PullOperations pulls = new PullOperations();
  private final Methods methods;
  private final IndicationOperations indications;

  CimOperations(
      ClassRepository repo,
      Function<String, HostModel> models,
      Methods methods,
      IndicationOperations indications) {
    this.repo = repo;
    this.models = models;
    this.methods = methods;
    this.indications = indications;
  }

  /** The answer to a request, as UTF-8 parts. */
  public List<byte[]> answer(CimRequest r, Caller caller, String host, int sizeHint) {
    CimXmlWriter out = new CimXmlWriter(host, sizeHint);
    out.begin(r.messageId(), r.method(), r.intrinsic());
    try {
      String ns = HostModel.namespace(r.namespace());
      if (ns == null) {
        throw new CimException(
            CimException.INVALID_NAMESPACE,
            "no namespace " + r.namespace() + " (this server has root/virt[/HOST] and root/interop)");
      }
      RequestContext c = new RequestContext(r, ns, models.apply(ns), repo, out);
      if (r.intrinsic() && indications != null && indications.handles(c)) {
        indications.run(c, caller);
      } else if (r.intrinsic()) {
        intrinsic(c);
      } else {
        methods.invoke(c, caller);
      }
    } catch (CimException e) {
      out = new CimXmlWriter(host, 512);
      out.begin(r.messageId(), r.method(), r.intrinsic());
      out.error(e);
    }
    out.end(r.intrinsic());
    return out.utf8();
  }

  private void intrinsic(RequestContext c) {
    String m = c.request().method();
    if (CHANGING.contains(m)) {
      throw new CimException(
          CimException.NOT_SUPPORTED,
          m + " is not supported: the schema and instances are read-only");
    }
    if (pulls.handles(m)) {
      pulls.run(c);
      return;
    }
    c.out().returnValueOpen();
    switch (m) {
      case "EnumerateClassNames" -> classNames(c);
      case "EnumerateClasses" -> classes(c);
      case "GetClass" -> getClass(c);
      case "EnumerateInstanceNames" ->
          c.model()
              .enumerate(c.ns(), c.requiredClass("ClassName").name())
              .forEach(i -> c.out().instanceName(i.path()));
      case "EnumerateInstances" -> enumerateInstances(c);
      case "GetInstance" -> getInstance(c);
      case "GetProperty" -> getProperty(c);
      case "Associators", "AssociatorNames", "References", "ReferenceNames" -> associations(c, m);
      case "ExecQuery" -> execQuery(c);
      default ->
          throw new CimException(
              CimException.NOT_SUPPORTED, "operation " + m + " is not supported");
    }
    c.out().returnValueClose();
  }

  private void classNames(RequestContext c) {
    String name = c.request().className("ClassName");
    if (name != null) {
      name = c.knownClass(name).name();
    }
    repo.subclasses(name, c.request().flag("DeepInheritance", false))
        .forEach(k -> c.out().className(k.name()));
  }

  private void classes(RequestContext c) {
    String name = c.request().className("ClassName");
    if (name != null) {
      name = c.knownClass(name).name();
    }
    for (CimClass k : repo.subclasses(name, c.request().flag("DeepInheritance", false))) {
      writeClass(c, k, null);
    }
  }

  private void getClass(RequestContext c) {
    writeClass(c, c.requiredClass("ClassName"), c.request().propertyList());
  }

  private void writeClass(RequestContext c, CimClass k, List<String> propertyList) {
    CimRequest r = c.request();
    boolean localOnly = r.flag("LocalOnly", true);
    Predicate<CimProperty> keep = Selection.of(propertyList, localOnly, true, k);
    Predicate<CimMethod> keepMethod = mm -> !localOnly || !mm.propagated();
    c.out()
        .cimClass(
            k,
            keep,
            keepMethod,
            r.flag("IncludeQualifiers", true),
            r.flag("IncludeClassOrigin", false));
  }

  /**
   * LocalOnly is honoured when a client sends TRUE; left out, it is FALSE (DSP0200 deprecates it
   * for instances).
   */
  static Predicate<CimProperty> instanceSelection(CimRequest r, CimClass requested, boolean deep) {
    return Selection.of(r.propertyList(), r.flag("LocalOnly", false), deep, requested);
  }

  private void enumerateInstances(RequestContext c) {
    CimClass cls = c.requiredClass("ClassName");
    CimRequest r = c.request();
    Predicate<CimProperty> keep = instanceSelection(r, cls, r.flag("DeepInheritance", true));
    boolean q = r.flag("IncludeQualifiers", false);
    boolean origin = r.flag("IncludeClassOrigin", false);
    for (CimInstance i : c.model().enumerate(c.ns(), cls.name())) {
      c.out().namedInstance(i, repo.get(i.className()), keep, q, origin, c.ns());
    }
  }

  private void getInstance(RequestContext c) {
    CimInstance i = c.requiredInstance("InstanceName");
    CimRequest r = c.request();
    CimClass cls = repo.get(i.className());
    c.out()
        .instance(
            i,
            cls,
            instanceSelection(r, cls, true),
            r.flag("IncludeQualifiers", false),
            r.flag("IncludeClassOrigin", false),
            c.ns());
  }

  private void getProperty(RequestContext c) {
    CimInstance i = c.requiredInstance("InstanceName");
    String name = c.request().string("PropertyName", null);
    CimProperty p = name == null ? null : repo.get(i.className()).property(name);
    if (p == null) {
      throw new CimException(
          CimException.NO_SUCH_PROPERTY, i.className() + " has no property " + name);
    }
    Object v = i.values().get(p.name());
    if (v instanceof CimObjectPath ref) {
      c.out().raw("<VALUE.REFERENCE>");
      c.out().instancePath(ref, c.ns());
      c.out().raw("</VALUE.REFERENCE>");
    } else if (v != null) {
      c.out().value(v);
    }
  }

  private void associations(RequestContext c, String m) {
    CimRequest r = c.request();
    CimInstance source = c.requiredInstance("ObjectName");
    AssociationQuery q = new AssociationQuery(repo, c.model());
    boolean names = m.endsWith("Names");
    boolean qualifiers = r.flag("IncludeQualifiers", false);
    boolean origin = r.flag("IncludeClassOrigin", false);
    List<Found> found;
    if (m.startsWith("Associator")) {
      found =
          q.associators(
              c.ns(),
              source.path(),
              c.optionalClass("AssocClass"),
              c.optionalClass("ResultClass"),
              r.string("Role", null),
              r.string("ResultRole", null));
    } else {
      found =
          q
              .references(
                  c.ns(), source.path(), c.optionalClass("ResultClass"), r.string("Role", null))
              .stream()
              .map(a -> new Found(a, c.ns()))
              .toList();
    }
    for (Found f : found) {
      if (names) {
        c.out().objectPath(f.path(), c.ns());
      } else {
        CimClass cls = repo.get(f.instance().className());
        c.out()
            .instanceWithPath(
                "VALUE.OBJECTWITHPATH",
                f.instance(),
                cls,
                Selection.of(r.propertyList(), false, true, null),
                qualifiers,
                origin,
                f.namespace());
      }
    }
  }

  private void execQuery(RequestContext c) {
    Wql q = query(c, "QueryLanguage", "Query");
    Predicate<CimProperty> keep = Selection.of(q.properties, false, true, null);
    for (Found f : run(c, q)) {
      c.out()
          .instanceWithPath(
              "VALUE.OBJECTWITHPATH",
              f.instance(),
              repo.get(f.instance().className()),
              keep,
              false,
              false,
              c.ns());
    }
  }

  static Wql query(RequestContext c, String languageParam, String queryParam) {
    String language = c.request().string(languageParam, null);
    if (language == null || !language.strip().equalsIgnoreCase("WQL")) {
      throw new CimException(
          CimException.QUERY_LANGUAGE_NOT_SUPPORTED,
          "query language " + language + " is not supported (use WQL)");
    }
    String text = c.request().string(queryParam, null);
    if (text == null || text.isBlank()) {
      throw new CimException(CimException.INVALID_PARAMETER, queryParam + " is missing");
    }
    return new Wql(text);
  }

  static List<Found> run(RequestContext c, Wql q) {
    CimClass cls = c.repo().get(q.className);
    if (cls == null) {
      throw new CimException(CimException.INVALID_CLASS, "no class " + q.className);
    }
    return c.model().enumerate(c.ns(), cls.name()).stream()
        .filter(q.where)
        .map(i -> new Found(i, c.ns()))
        .toList();
  }
}
