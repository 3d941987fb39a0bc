/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.itclient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A plain JSR-160 client driven line by line on standard input, run in its own JVM with nothing but
 * this class on the class path (no virtmx class), so integration tests see exactly what JConsole or
 * jmxterm would. Commands are tab-separated; each answers one line, "OK value" or "ERR
 * ExceptionClass: message [| cause Class: message]".
 *
 * <pre>
 * connect  URL [USER PASSWORD]      query PATTERN        get NAME ATTRIBUTE      describe NAME
 * invoke   NAME OPERATION [ARG…]    listen NAME          await TYPE-PREFIX MILLIS   clear
 * set      NAME ATTRIBUTE VALUE     create CLASS NAME    unregister NAME         registered NAME
 * domains                           count                send-file NAME OPERATION PATH
 * </pre>
 *
 * <p>{@code send-file} invokes the operation with a {@code java.io.File} argument, a class no JMX
 * client needs to send; {@code domains} and {@code count} answer {@code getDomains} (sorted) and
 * {@code getMBeanCount}.
 *
 * <p>With {@code -Djavax.net.ssl.trustStore=…} it connects over TLS, registry included.
 */
public final class JmxShell {
  private JMXConnector connector;
  private MBeanServerConnection mbs;
  private final LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
  private final List<Notification> pending = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    JmxShell shell = new JmxShell();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      String answer;
      try {
        answer = "OK " + shell.run(line.split("\t", -1));
      } catch (Exception e) {
        answer = "ERR " + describe(e);
      }
      System.out.println(answer.replace("\r", "").replace("\n", "\\n"));
      System.out.flush();
    }
    if (shell.connector != null) {
      shell.connector.close();
    }
  }

  private static String describe(Throwable e) {
    String s = e.getClass().getName() + ": " + e.getMessage();
    return e.getCause() == null
        ? s
        : s + " | cause " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
  }

  private String run(String[] a) throws Exception {
    switch (a[0]) {
      case "connect":
        {
          Map<String, Object> env = new java.util.HashMap<>();
          if (a.length > 3) {
            env.put(JMXConnector.CREDENTIALS, new String[] {a[2], a[3]});
          }
          if (System.getProperty("javax.net.ssl.trustStore")
              != null) { // the registry speaks TLS too
            env.put(
                "com.sun.jndi.rmi.factory.socket", new javax.rmi.ssl.SslRMIClientSocketFactory());
          }
          connector = JMXConnectorFactory.connect(new JMXServiceURL(a[1]), env);
          mbs = connector.getMBeanServerConnection();
          return connector.getConnectionId();
        }
      case "query":
        return String.join(
            "|",
            new TreeSet<>(
                mbs.queryNames(new ObjectName(a[1]), null).stream()
                    .map(ObjectName::toString)
                    .toList()));
      case "get":
        return text(mbs.getAttribute(new ObjectName(a[1]), a[2]));
      case "describe":
        return describe(mbs.getMBeanInfo(new ObjectName(a[1])));
      case "invoke":
        return invoke(new ObjectName(a[1]), a[2], Arrays.copyOfRange(a, 3, a.length));
      case "listen":
        mbs.addNotificationListener(new ObjectName(a[1]), (n, h) -> received.add(n), null, null);
        return "listening";
      case "set":
        mbs.setAttribute(
            new ObjectName(a[1]),
            new Attribute(a[2], convert(a[3], attributeType(new ObjectName(a[1]), a[2]))));
        return "set";
      case "create":
        return mbs.createMBean(a[1], new ObjectName(a[2])).getObjectName().toString();
      case "unregister":
        mbs.unregisterMBean(new ObjectName(a[1]));
        return "unregistered";
      case "registered":
        return String.valueOf(mbs.isRegistered(new ObjectName(a[1])));
      case "domains":
        return String.join("|", new TreeSet<>(Arrays.asList(mbs.getDomains())));
      case "count":
        return String.valueOf(mbs.getMBeanCount());
      case "send-file":
        return text(
            mbs.invoke(
                new ObjectName(a[1]),
                a[2],
                new Object[] {new java.io.File(a[3])},
                new String[] {"java.io.File"}));
      case "clear":
        received.clear();
        pending.clear();
        return "cleared";
      case "await":
        return await(a[1], Long.parseLong(a[2]));
      default:
        throw new IllegalArgumentException("unknown command " + a[0]);
    }
  }

  private String invoke(ObjectName name, String operation, String[] args) throws Exception {
    for (MBeanOperationInfo op : mbs.getMBeanInfo(name).getOperations()) {
      MBeanParameterInfo[] sig = op.getSignature();
      if (op.getName().equals(operation) && sig.length == args.length) {
        Object[] values = new Object[args.length];
        String[] types = new String[args.length];
        for (int i = 0; i < args.length; i++) {
          types[i] = sig[i].getType();
          values[i] = convert(args[i], types[i]);
        }
        return text(mbs.invoke(name, operation, values, types));
      }
    }
    throw new IllegalArgumentException(
        "no operation " + operation + " with " + args.length + " parameters");
  }

  private String attributeType(ObjectName name, String attribute) throws Exception {
    for (MBeanAttributeInfo a : mbs.getMBeanInfo(name).getAttributes()) {
      if (a.getName().equals(attribute)) {
        return a.getType();
      }
    }
    return "java.lang.String";
  }

  private static Object convert(String value, String type) {
    return switch (type) {
      case "[Ljava.lang.String;" -> value.isEmpty() ? new String[0] : value.split(",");
      case "long", "java.lang.Long" -> Long.parseLong(value);
      case "int", "java.lang.Integer" -> Integer.parseInt(value);
      case "boolean", "java.lang.Boolean" -> Boolean.parseBoolean(value);
      default -> value;
    };
  }

  /**
   * Waits for a notification whose type starts with the prefix and answers
   * "type|message|event|detail" (or "type|message|attribute|old|new"); notifications of other types
   * stay for later awaits.
   */
  private String await(String typePrefix, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      received.drainTo(pending);
      for (Notification n : pending) {
        if (n.getType().startsWith(typePrefix)) {
          pending.remove(n);
          return format(n);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no "
                + typePrefix
                + " notification within "
                + millis
                + " ms (have "
                + pending.stream().map(Notification::getType).toList()
                + ")");
      }
      Notification next =
          received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next != null) {
        pending.add(next);
      }
    }
  }

  private static String format(Notification n) {
    String data =
        n.getUserData() instanceof CompositeData cd ? cd.get("event") + "|" + cd.get("detail") : "";
    if (n instanceof javax.management.AttributeChangeNotification c) {
      data = c.getAttributeName() + "|" + c.getOldValue() + "|" + c.getNewValue();
    }
    return n.getType() + "|" + n.getMessage() + "|" + data;
  }

  private static String describe(MBeanInfo info) {
    StringBuilder b = new StringBuilder("class=").append(info.getDescription());
    for (MBeanAttributeInfo a : info.getAttributes()) {
      b.append("\tattribute ")
          .append(a.getName())
          .append('=')
          .append(a.getDescription())
          .append(" units=")
          .append(a.getDescriptor().getFieldValue("units"));
    }
    for (MBeanOperationInfo o : info.getOperations()) {
      b.append("\toperation ")
          .append(o.getName())
          .append(" impact=")
          .append(o.getImpact())
          .append('=')
          .append(o.getDescription())
          .append(" (");
      for (MBeanParameterInfo p : o.getSignature()) {
        b.append(p.getName())
            .append(':')
            .append(p.getDescription())
            .append(" units=")
            .append(p.getDescriptor().getFieldValue("units"))
            .append(';');
      }
      b.append(')');
    }
    return b.toString();
  }

  private static String text(Object value) {
    if (value instanceof Object[] array) {
      return String.join(",", Arrays.stream(array).map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
