package io.virtmx.view.jmx;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.remote.MBeanServerForwarder;

/**
 * Keeps remote viewers read-only on the whole MBean server, not just on virtmx MBeans: they may not
 * invoke operations of other MBeans (the JVM's gc(), say), set attributes, or create and unregister
 * MBeans. Operations of {@code libvirt} MBeans go through to the operations service, which refuses
 * them with its own message.
 */
final class ViewerGuard implements InvocationHandler {
  private static final Set<String> WRITES =
      Set.of(
          "setAttribute",
          "setAttributes",
          "createMBean",
          "registerMBean",
          "unregisterMBean",
          "instantiate",
          "getClassLoader",
          "getClassLoaderFor",
          "getClassLoaderRepository");

  private MBeanServer target;

  private ViewerGuard() {}

  static MBeanServerForwarder create() {
    return (MBeanServerForwarder)
        Proxy.newProxyInstance(
            ViewerGuard.class.getClassLoader(),
            new Class<?>[] {MBeanServerForwarder.class},
            new ViewerGuard());
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("getMBeanServer")) {
      return target;
    }
    if (name.equals("setMBeanServer")) {
      target = (MBeanServer) args[0];
      return null;
    }
    if (refused(name, args)) {
      throw new SecurityException(
          "user '"
              + JmxCallers.current().name()
              + "' (viewer) may not call "
              + name
              + (name.equals("invoke") ? " " + args[1] + " on " + args[0] : ""));
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static boolean refused(String name, Object[] args) {
    if (JmxCallers.current().role().mayOperate()) {
      return false;
    }
    if (name.equals("invoke")) {
      return !(args[0] instanceof ObjectName on && ObjectNames.DOMAIN.equals(on.getDomain()));
    }
    return WRITES.contains(name);
  }
}
