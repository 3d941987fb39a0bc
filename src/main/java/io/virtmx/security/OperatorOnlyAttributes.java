/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The JVM attributes that only operators may read, on every view alike: those of {@code
 * java.lang:type=Runtime} that show the agent's command line, environment and file system layout
 * ({@code SystemProperties} holds {@code sun.java.command}, the full command line; {@code
 * InputArguments} the JVM options; the class, boot class and library paths). A viewer reads the
 * rest of {@code java.lang:*} (uptime, memory, threads, VM name and version).
 */
public final class OperatorOnlyAttributes {
  /** The attributes of {@code java.lang:type=Runtime} that viewers never read. */
  public static final Set<String> RUNTIME =
      Set.of("SystemProperties", "InputArguments", "ClassPath", "BootClassPath", "LibraryPath");

  private static final ObjectName RUNTIME_NAME = runtimeName();

  private OperatorOnlyAttributes() {}

  /** Whether {@code attribute} of the MBean {@code name} is for operators only. */
  public static boolean contains(ObjectName name, String attribute) {
    return RUNTIME_NAME.equals(name) && RUNTIME.contains(attribute);
  }

  private static ObjectName runtimeName() {
    try {
      return new ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }
}
