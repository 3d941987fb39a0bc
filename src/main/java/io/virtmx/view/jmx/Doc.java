/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.MBeanOperationInfo;

/**
 * Describes an MBean interface, attribute getter or operation for {@link Documented}: the text
 * JConsole shows, the {@code units} descriptor field, and an operation's impact. A getter marked
 * {@code operation = true} is published as an operation of that name (e.g. {@code
 * getXmlDescription()}) instead of as an attribute.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Doc {
  String value();

  String units() default "";

  int impact() default MBeanOperationInfo.ACTION;

  boolean operation() default false;
}
