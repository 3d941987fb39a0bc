/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.ops.Caller;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.QueryEval;
import javax.management.QueryExp;
import javax.management.remote.MBeanServerForwarder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a remote JMX client asks of the MBean server passes here first and is checked against
 * {@link RemoteAccessPolicy} for the caller of {@link JmxCallers#current()}; deny by default, so a
 * method this class does not know is refused. Nobody, operators included, creates, registers or
 * unregisters MBeans, instantiates or deserializes classes, reaches a class loader, sets an
 * attribute or invokes an operation outside {@code libvirt:*} (no MLet, DiagnosticCommand, heap
 * dump, JFR, gc). A viewer's queries, {@code getMBeanCount} and {@code getDomains} show only what
 * it may see, {@code isRegistered} answers false for the rest, and {@code getAttributes} leaves out
 * what it may not read. A refusal is a {@link SecurityException} naming user, role and what:
 *
 * <pre>
 * user 'alice' (operator) may not create MBean javax.management.loading.MLet over remote JMX
 * </pre>
 */
final class RemoteAccessGuard implements InvocationHandler {
  private static final Logger audit = LoggerFactory.getLogger("io.virtmx.audit");

  private MBeanServer target;

  private RemoteAccessGuard() {}

  /** A forwarder for {@code JMXConnectorServer.setMBeanServerForwarder}. */
  static MBeanServerForwarder create() {
    return (MBeanServerForwarder)
        Proxy.newProxyInstance(
            RemoteAccessGuard.class.getClassLoader(),
            new Class<?>[] {MBeanServerForwarder.class},
            new RemoteAccessGuard());
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "getMBeanServer":
        return target;
      case "setMBeanServer":
        target = (MBeanServer) args[0];
        return null;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "RemoteAccessGuard(" + target + ")";
      default:
        return guarded((MBeanServer) proxy, method, args, JmxCallers.current());
    }
  }

  private Object guarded(MBeanServer self, Method method, Object[] args, Caller caller)
      throws Throwable {
    String m = method.getName();
    ObjectName name = args != null && args[0] instanceof ObjectName n ? n : null;
    switch (m) {
      case "getDefaultDomain":
        return forward(method, args);
      case "queryNames", "queryMBeans", "getMBeanCount", "getDomains":
        return RemoteAccessPolicy.seesAll(caller)
            ? forward(method, args)
            : filtered(caller, self, m, args);
      case "isRegistered":
        return name != null
            && RemoteAccessPolicy.sees(caller, name)
            && (boolean) forward(method, args);
      case "getObjectInstance", "getMBeanInfo", "isInstanceOf":
        requireVisible(caller, name, m);
        return forward(method, args);
      case "addNotificationListener", "removeNotificationListener":
        if (args[1] instanceof ObjectName listener) {
          throw refused(caller, "use MBean " + listener + " as a notification listener");
        }
        requireVisible(caller, name, m);
        return forward(method, args);
      case "getAttribute":
        if (name != null && !RemoteAccessPolicy.mayRead(caller, name, (String) args[1])) {
          throw refused(caller, "read attribute " + args[1] + " of " + name);
        }
        return forward(method, args);
      case "getAttributes":
        requireVisible(caller, name, m);
        return forward(method, name, readable(caller, name, (String[]) args[1]));
      case "invoke":
        if (!RemoteAccessPolicy.mayInvoke(name)) {
          throw refused(
              caller, "invoke " + args[1] + " on " + name + " (only libvirt:* operations)");
        }
        return forward(method, args);
      case "getClassLoaderFor", "getClassLoaderRepository":
        // the connector itself asks, to unmarshal a client's parameters (no client can ask)
        if (JmxCallers.connectorItself()) {
          return forward(method, args);
        }
        throw refused(caller, m);
      default:
        throw refused(caller, refusal(m, args));
    }
  }

  /**
   * A query's, the count's or the domains' answer as a caller who does not see all MBeans sees it.
   */
  private Object filtered(Caller caller, MBeanServer self, String method, Object[] args) {
    boolean query = method.startsWith("query");
    Set<ObjectInstance> seen =
        visible(
            caller, self, query ? (ObjectName) args[0] : null, query ? (QueryExp) args[1] : null);
    return switch (method) {
      case "queryNames" ->
          seen.stream().map(ObjectInstance::getObjectName).collect(Collectors.toSet());
      case "queryMBeans" -> seen;
      case "getMBeanCount" -> seen.size();
      default ->
          seen.stream()
              .map(i -> i.getObjectName().getDomain())
              .distinct()
              .sorted()
              .toArray(String[]::new);
    };
  }

  /**
   * The MBeans matching {@code pattern} the caller sees, filtered by {@code query} evaluated
   * through this guard (so a query cannot test an attribute the caller may not read).
   */
  private Set<ObjectInstance> visible(
      Caller caller, MBeanServer self, ObjectName pattern, QueryExp query) {
    return target.queryMBeans(pattern, null).stream()
        .filter(i -> RemoteAccessPolicy.sees(caller, i.getObjectName()))
        .filter(i -> query == null || matches(query, i.getObjectName(), self))
        .collect(Collectors.toSet());
  }

  private static boolean matches(QueryExp query, ObjectName name, MBeanServer through) {
    MBeanServer previous = QueryEval.getMBeanServer();
    query.setMBeanServer(through);
    try {
      return query.apply(name);
    } catch (Exception e) {
      return false; // as the MBean server itself treats a query that fails on an MBean
    } finally {
      query.setMBeanServer(previous);
    }
  }

  private static String[] readable(Caller caller, ObjectName name, String[] attributes) {
    return attributes == null
        ? null
        : Arrays.stream(attributes)
            .filter(a -> RemoteAccessPolicy.mayRead(caller, name, a))
            .toArray(String[]::new);
  }

  private static void requireVisible(Caller caller, ObjectName name, String method) {
    if (name != null && !RemoteAccessPolicy.sees(caller, name)) {
      throw refused(caller, "call " + method + " on " + name);
    }
  }

  /** What a call the policy never allows would do, in words. */
  private static String refusal(String method, Object[] args) {
    Object first = args == null || args.length == 0 ? null : args[0];
    return switch (method) {
      case "createMBean" -> "create MBean " + first;
      case "registerMBean" -> "register MBeans";
      case "unregisterMBean" -> "unregister " + first;
      case "instantiate" -> "instantiate " + first;
      case "deserialize" -> "deserialize objects";
      case "getClassLoader" -> "use the class loader " + first;
      case "setAttribute", "setAttributes" ->
          "set attributes of " + first + " (no attribute is writable)";
      default -> "call " + method;
    };
  }

  private static SecurityException refused(Caller caller, String what) {
    String who =
        JmxCallers.connectorItself()
            ? "the JMX connector"
            : "user '" + caller.name() + "' (" + caller.role().label() + ")";
    String message = who + " may not " + what.replaceAll("\\p{Cntrl}", "?") + " over remote JMX";
    audit.warn("refused: {}", message);
    return new SecurityException(message);
  }

  private Object forward(Method method, Object... args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
