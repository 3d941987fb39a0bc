/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.ops.OperationException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.Descriptor;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;

/**
 * The one mechanism that documents every virtmx MBean: turns the bare {@code MBeanInfo} JMX derives
 * from an MXBean interface into one with the {@link Doc} and {@link Param} texts, real parameter
 * names, impacts and {@code units} descriptor fields, and maps {@link OperationException}s to
 * exceptions any JMX client can deserialize. An interface member without a {@code @Doc} is a
 * programming error and fails registration.
 */
final class Documented {
  private static final Map<Class<?>, MBeanInfo> CACHE = new ConcurrentHashMap<>();

  private Documented() {}

  /** The documented info of {@code iface}, computed once from the first instance's bare info. */
  static MBeanInfo info(Class<?> iface, MBeanInfo raw) {
    return CACHE.computeIfAbsent(iface, i -> build(i, raw));
  }

  /** The documented info of {@code iface} once an instance has built it, else null. */
  static MBeanInfo cached(Class<?> iface) {
    return iface == null ? null : CACHE.get(iface);
  }

  /**
   * Per interface: each getter or setter published as an operation (operation name to attribute
   * name), e.g. {@code getXmlDescription -> XmlDescription}, {@code setMemory -> Memory}.
   */
  private static final ClassValue<Map<String, String>> ACCESSOR_OPERATIONS =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> iface) {
          Map<String, String> out = new java.util.HashMap<>();
          for (Method m : iface.getMethods()) {
            Doc d = m.getAnnotation(Doc.class);
            if (d != null && d.operation() && accessor(m)) {
              out.put(m.getName(), m.getName().substring(3));
            }
          }
          return Map.copyOf(out);
        }
      };

  private static boolean accessor(Method m) {
    return m.getName().startsWith("get") && m.getParameterCount() == 0
        || m.getName().startsWith("set")
            && m.getParameterCount() == 1
            && m.getReturnType() == void.class;
  }

  /** The attribute behind an operation that is really a getter or setter, or null. */
  static String accessorOperation(Class<?> iface, String operation) {
    return operation == null ? null : ACCESSOR_OPERATIONS.get(iface).get(operation);
  }

  /**
   * Whether reading ({@code set == false}) or writing the attribute is published only as an
   * operation.
   */
  static boolean hidden(Class<?> iface, String attribute, boolean set) {
    return attribute != null
        && ACCESSOR_OPERATIONS.get(iface).containsKey((set ? "set" : "get") + attribute);
  }

  /**
   * The JMX form of a failed operation: an {@link MBeanException} whose message is libvirt's (or
   * the refusal's) and whose cause is a plain JDK exception, without our stack frames.
   */
  static MBeanException toJmx(OperationException e) {
    String message = e.getMessage();
    Exception cause =
        switch (e.reason()) {
          case READ_ONLY, DENIED -> new SecurityException(message);
          case INVALID_ARGUMENT -> new IllegalArgumentException(message);
          case INVALID_STATE -> new IllegalStateException(message); // the lifecycle policy's text
          default -> new IllegalStateException(message);
        };
    cause.setStackTrace(new StackTraceElement[0]);
    MBeanException jmx = new MBeanException(cause, message);
    jmx.setStackTrace(new StackTraceElement[0]);
    return jmx;
  }

  /** The {@link OperationException} behind a failure of the MXBean layer, or null. */
  static OperationException operationFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OperationException oe) {
        return oe;
      }
    }
    return null;
  }

  private static MBeanInfo build(Class<?> iface, MBeanInfo raw) {
    Doc type = iface.getAnnotation(Doc.class);
    if (type == null) {
      throw new IllegalStateException(iface.getName() + " has no @Doc");
    }
    List<MBeanAttributeInfo> attributes = new ArrayList<>();
    List<MBeanOperationInfo> operations = new ArrayList<>();
    for (MBeanAttributeInfo a : raw.getAttributes()) {
      Method getter = a.isReadable() ? getter(iface, a.getName()) : null;
      Method setter = a.isWritable() ? method(iface, "set" + a.getName(), 1) : null;
      Doc get = getter == null ? null : doc(getter, iface, a.getName());
      Doc set = setter == null ? null : doc(setter, iface, setter.getName());
      boolean readable = get != null && !get.operation();
      boolean writable = set != null && !set.operation();
      if (readable || writable) {
        Doc d = readable ? get : set;
        attributes.add(
            new MBeanAttributeInfo(
                a.getName(),
                a.getType(),
                d.value(),
                readable,
                writable,
                readable && a.isIs(),
                withUnits(a.getDescriptor(), d.units())));
      }
      if (get != null && get.operation()) {
        operations.add(
            new MBeanOperationInfo(
                getter.getName(),
                get.value(),
                new MBeanParameterInfo[0],
                a.getType(),
                get.impact(),
                withUnits(a.getDescriptor(), get.units())));
      }
      if (set != null && set.operation()) {
        MBeanParameterInfo[] param = {parameter(iface, setter, 0, a.getType(), a.getDescriptor())};
        operations.add(
            new MBeanOperationInfo(
                setter.getName(),
                set.value(),
                param,
                "void",
                set.impact(),
                ImmutableDescriptor.EMPTY_DESCRIPTOR));
      }
    }
    for (MBeanOperationInfo o : raw.getOperations()) {
      operations.add(operation(iface, o));
    }
    return new MBeanInfo(
        raw.getClassName(),
        type.value(),
        attributes.toArray(new MBeanAttributeInfo[0]),
        raw.getConstructors(),
        operations.toArray(new MBeanOperationInfo[0]),
        raw.getNotifications(),
        raw.getDescriptor());
  }

  private static MBeanOperationInfo operation(Class<?> iface, MBeanOperationInfo o) {
    MBeanParameterInfo[] rawParams = o.getSignature();
    Method m = method(iface, o.getName(), rawParams.length);
    Doc d = doc(m, iface, o.getName());
    MBeanParameterInfo[] params = new MBeanParameterInfo[rawParams.length];
    for (int i = 0; i < params.length; i++) {
      params[i] = parameter(iface, m, i, rawParams[i].getType(), rawParams[i].getDescriptor());
    }
    return new MBeanOperationInfo(
        o.getName(),
        d.value(),
        params,
        o.getReturnType(),
        d.impact(),
        withUnits(o.getDescriptor(), d.units()));
  }

  private static MBeanParameterInfo parameter(
      Class<?> iface, Method m, int i, String type, Descriptor descriptor) {
    Param p = m.getParameters()[i].getAnnotation(Param.class);
    if (p == null) {
      throw new IllegalStateException(
          iface.getSimpleName() + "." + m.getName() + " parameter " + i + " has no @Param");
    }
    return new MBeanParameterInfo(p.name(), type, p.value(), withUnits(descriptor, p.units()));
  }

  private static Doc doc(Method m, Class<?> iface, String member) {
    Doc d = m == null ? null : m.getAnnotation(Doc.class);
    if (d == null) {
      throw new IllegalStateException(iface.getSimpleName() + "." + member + " has no @Doc");
    }
    return d;
  }

  private static Descriptor withUnits(Descriptor base, String units) {
    return units.isEmpty()
        ? base
        : ImmutableDescriptor.union(base, new ImmutableDescriptor("units=" + units));
  }

  private static Method getter(Class<?> iface, String attribute) {
    Method m = method(iface, "get" + attribute, 0);
    return m != null ? m : method(iface, "is" + attribute, 0);
  }

  private static Method method(Class<?> iface, String name, int parameters) {
    for (Method m : iface.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == parameters) {
        return m;
      }
    }
    return null;
  }
}
