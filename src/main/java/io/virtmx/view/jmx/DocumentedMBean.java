/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import io.virtmx.ops.OperationException;
import java.util.Arrays;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InvalidAttributeValueException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.NotificationEmitter;
import javax.management.ReflectionException;
import javax.management.StandardEmitterMBean;

/**
 * An MXBean implementation wrapped with the {@link Documented} info and error mapping; the form in
 * which every virtmx MBean is registered. Every MBean of one interface hands out the same {@link
 * MBeanInfo} (none keeps one of its own). Objects without notifications get a {@link QuietEmitter}.
 */
final class DocumentedMBean<T> extends StandardEmitterMBean {
  private final Class<T> iface;

  DocumentedMBean(T implementation, Class<T> iface, NotificationEmitter emitter) {
    super(
        implementation,
        iface,
        true,
        emitter == null ? new QuietEmitter() : emitter);
    this.iface = iface;
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanInfo shared = Documented.cached(iface);
    return shared != null ? shared : Documented.info(iface, super.getMBeanInfo());
  }

  /** The interface's one documented info instead of StandardMBean's copy per instance. */
  @Override
  protected MBeanInfo getCachedMBeanInfo() {
    return Documented.cached(iface);
  }

  /** The first instance's bare info becomes the interface's documented one; nothing is kept here. */
  @Override
  protected void cacheMBeanInfo(MBeanInfo raw) {
    if (raw != null && iface != null) {
      Documented.info(iface, raw);
    }
  }

  @Override
  public Object invoke(String operation, Object[] params, String[] signature)
      throws MBeanException, ReflectionException {
    try {
      String attribute = Documented.accessorOperation(iface, operation);
      int count = params == null ? 0 : params.length;
      if (attribute != null && count == 0 && operation.startsWith("get")) {
        return super.getAttribute(attribute);
      }
      if (attribute != null && count == 1 && operation.startsWith("set")) {
        super.setAttribute(new Attribute(attribute, params[0]));
        return null;
      }
      return super.invoke(operation, params, signature);
    } catch (AttributeNotFoundException | InvalidAttributeValueException e) {
      throw new ReflectionException(e, e.getMessage());
    } catch (MBeanException | RuntimeException e) {
      OperationException failure = Documented.operationFailure(e);
      if (failure != null) {
        throw Documented.toJmx(failure);
      }
      throw e;
    }
  }

  @Override
  public Object getAttribute(String attribute)
      throws AttributeNotFoundException, MBeanException, ReflectionException {
    if (Documented.hidden(iface, attribute, false)) {
      throw new AttributeNotFoundException("no attribute " + attribute + " (it is an operation)");
    }
    return super.getAttribute(attribute);
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    return super.getAttributes(
        Arrays.stream(attributes)
            .filter(a -> !Documented.hidden(iface, a, false))
            .toArray(String[]::new));
  }

  @Override
  public void setAttribute(Attribute attribute)
      throws AttributeNotFoundException,
          InvalidAttributeValueException,
          MBeanException,
          ReflectionException {
    if (Documented.hidden(iface, attribute.getName(), true)) {
      throw new AttributeNotFoundException(
          "attribute "
              + attribute.getName()
              + " is not writable (use the operation "
              + "set"
              + attribute.getName()
              + ")");
    }
    super.setAttribute(attribute);
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    AttributeList allowed = new AttributeList();
    attributes.asList().stream()
        .filter(a -> !Documented.hidden(iface, a.getName(), true))
        .forEach(allowed::add);
    return super.setAttributes(allowed);
  }
}
