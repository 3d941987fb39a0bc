/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimProperty;
import io.virtmx.view.cim.schema.CimType;
import io.virtmx.view.cim.xml.CimRequest;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pull operations (DSP0200 1.3): Open… takes the whole result and returns up to MaxObjectCount
 * of it with an EnumerationContext; PullInstancesWithPath / PullInstancePaths / PullInstances hand
 * out the rest; CloseEnumeration drops it. EndOfSequence says when it is all out.
 */
final class PullOperations {
  private static final Set<String> OPS =
      Set.of(
          "OpenEnumerateInstances",
          "OpenEnumerateInstancePaths",
          "OpenAssociatorInstances",
          "OpenAssociatorInstancePaths",
          "OpenReferenceInstances",
          "OpenReferenceInstancePaths",
          "OpenQueryInstances",
          "PullInstancesWithPath",
          "PullInstancePaths",
          "PullInstances",
          "CloseEnumeration",
          "EnumerationCount");

  /** How the pieces are written: with paths, paths only, or instances only (query results). */
  private enum Shape {
    WITH_PATH,
    PATHS,
    INSTANCES
  }

  /** The filter and shape of one enumeration. */
  private record Filter(Shape shape, Predicate<CimProperty> keep, boolean origin) {}

  private final PullContexts contexts = new PullContexts();

  boolean handles(String method) {
    return OPS.contains(method);
  }

  void run(RequestContext c) {
    CimRequest r = c.request();
    String m = r.method();
    switch (m) {
      case "CloseEnumeration" -> {
        contexts.close(r.string("EnumerationContext", null));
        return;
      }
      case "EnumerationCount" ->
          throw new CimException(CimException.NOT_SUPPORTED, "EnumerationCount is not supported");
      case "PullInstancesWithPath" -> pull(c, Shape.WITH_PATH);
      case "PullInstancePaths" -> pull(c, Shape.PATHS);
      case "PullInstances" -> pull(c, Shape.INSTANCES);
      default -> open(c, m);
    }
  }

  private void open(RequestContext c, String m) {
    CimRequest r = c.request();
    if (r.string("FilterQuery", null) != null && !m.equals("OpenQueryInstances")) {
      throw new CimException(
          CimException.FILTERED_ENUMERATION_NOT_SUPPORTED,
          "filtered enumerations are not supported");
    }
    if (r.flag("ContinueOnError", false)) {
      throw new CimException(
          CimException.CONTINUATION_ON_ERROR_NOT_SUPPORTED, "ContinueOnError is not supported");
    }
    Shape shape =
        m.endsWith("Paths")
            ? Shape.PATHS
            : m.equals("OpenQueryInstances") ? Shape.INSTANCES : Shape.WITH_PATH;
    List<Found> results;
    Predicate<CimProperty> keep;
    if (m.startsWith("OpenEnumerate")) {
      CimClass cls = c.requiredClass("ClassName");
      keep = CimOperations.instanceSelection(r, cls, r.flag("DeepInheritance", true));
      results =
          c.model().enumerate(c.ns(), cls.name()).stream().map(i -> new Found(i, c.ns())).toList();
    } else if (m.equals("OpenQueryInstances")) {
      if (r.flag("ReturnQueryResultClass", false)) {
        throw new CimException(
            CimException.NOT_SUPPORTED, "ReturnQueryResultClass is not supported");
      }
      Wql q = CimOperations.query(c, "FilterQueryLanguage", "FilterQuery");
      keep = Selection.of(q.properties, false, true, null);
      results = CimOperations.run(c, q);
    } else {
      CimInstance source = c.requiredInstance("InstanceName");
      AssociationQuery q = new AssociationQuery(c.repo(), c.model());
      keep = Selection.of(r.propertyList(), false, true, null);
      results =
          m.startsWith("OpenAssociator")
              ? q.associators(
                  c.ns(),
                  source.path(),
                  c.optionalClass("AssocClass"),
                  c.optionalClass("ResultClass"),
                  r.string("Role", null),
                  r.string("ResultRole", null))
              : q
                  .references(
                      c.ns(), source.path(), c.optionalClass("ResultClass"), r.string("Role", null))
                  .stream()
                  .map(a -> new Found(a, c.ns()))
                  .toList();
    }
    PullContexts.Context ctx =
        new PullContexts.Context(
            results,
            shape == Shape.PATHS,
            new Filter(shape, keep, r.flag("IncludeClassOrigin", false)),
            PullContexts.timeout(r.number("OperationTimeout", -1)));
    write(c, ctx, maxCount(r, 0));
  }

  private void pull(RequestContext c, Shape shape) {
    CimRequest r = c.request();
    String id = r.string("EnumerationContext", null);
    PullContexts.Context ctx = contexts.take(id);
    if (((Filter) ctx.filter).shape() != shape) {
      throw new CimException(
          CimException.INVALID_ENUMERATION_CONTEXT,
          c.request().method() + " does not match the operation that opened enumeration " + id);
    }
    if (!r.has("MaxObjectCount")) {
      throw new CimException(CimException.INVALID_PARAMETER, "MaxObjectCount is missing");
    }
    contexts.close(id);
    write(c, ctx, maxCount(r, 0));
  }

  private static int maxCount(CimRequest r, int otherwise) {
    long n = r.number("MaxObjectCount", otherwise);
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "MaxObjectCount must be 0.." + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  private void write(RequestContext c, PullContexts.Context ctx, int max) {
    Filter f = (Filter) ctx.filter;
    c.out().returnValueOpen();
    for (Found found : ctx.next(max)) {
      CimClass cls = c.repo().get(found.instance().className());
      switch (f.shape()) {
        case PATHS -> {
          c.out().instancePath(found.path(), c.ns());
          c.out().raw("\n");
        }
        case INSTANCES ->
            c.out().instance(found.instance(), cls, f.keep(), false, f.origin(), c.ns());
        default ->
            c.out()
                .instanceWithPath(
                    "VALUE.INSTANCEWITHPATH",
                    found.instance(),
                    cls,
                    f.keep(),
                    false,
                    f.origin(),
                    found.namespace());
      }
    }
    c.out().returnValueClose();
    boolean end = ctx.finished();
    c.out().paramValue("EndOfSequence", CimType.BOOLEAN, end);
    c.out().paramValue("EnumerationContext", CimType.STRING, end ? null : contexts.add(ctx));
  }
}
