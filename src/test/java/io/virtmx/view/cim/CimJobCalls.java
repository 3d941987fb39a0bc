/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.testbed.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The SBLIM client's side of the job services in the ITs: a service's path, a method call with
 * its outputs, embedded instances and references as arguments, and waiting for a job to end.
 */
final class CimJobCalls {
  private final CimClients agent;
  private final WBEMClient client;

  CimJobCalls(CimClients agent, WBEMClient client) {
    this.agent = agent;
    this.client = client;
  }

  /** What a method answered: its return value and its output parameters by name. */
  record Answer(long rc, Map<String, Object> out) {
    CIMObjectPath ref(String name) {
      return (CIMObjectPath) out.get(name);
    }
  }

  /** The one instance of a service class in root/virt. */
  CIMObjectPath service(String className) throws Exception {
    List<CIMObjectPath> all =
        CimClients.all(client.enumerateInstanceNames(agent.path("root/virt", className)));
    if (all.size() != 1) {
      throw new AssertionError(className + ": " + all);
    }
    return all.get(0);
  }

  Answer call(CIMObjectPath target, String method, CIMArgument<?>... in) throws Exception {
    CIMArgument<?>[] out = new CIMArgument<?>[4];
    Object rc = client.invokeMethod(target, method, in, out);
    Map<String, Object> outs = new HashMap<>();
    for (CIMArgument<?> a : out) {
      if (a != null) {
        outs.put(a.getName(), a.getValue());
      }
    }
    return new Answer(((Number) rc).longValue(), outs);
  }

  static CIMArgument<CIMObjectPath> ref(String name, CIMObjectPath path) {
    return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
  }

  static CIMArgument<UnsignedInteger16> uint16(String name, int value) {
    return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
  }

  static CIMArgument<String> string(String name, String value) {
    return new CIMArgument<>(name, CIMDataType.STRING_T, value);
  }

  static CIMArgument<CIMInstance> embedded(String name, CIMInstance instance) {
    return new CIMArgument<>(name, CIMDataType.OBJECT_T, instance);
  }

  static CIMArgument<CIMInstance[]> embeddedArray(String name, CIMInstance... instances) {
    return new CIMArgument<>(name, CIMDataType.OBJECT_ARRAY_T, instances);
  }

  /** An instance to embed: property name then value (String, Integer as uint16, Long as uint64). */
  static CIMInstance instance(String className, Object... nameValues) {
    CIMProperty<?>[] props = new CIMProperty<?>[nameValues.length / 2];
    for (int i = 0; i < props.length; i++) {
      String n = (String) nameValues[2 * i];
      Object v = nameValues[2 * i + 1];
      props[i] =
          v instanceof Integer k
              ? new CIMProperty<>(n, CIMDataType.UINT16_T, new UnsignedInteger16(k))
              : v instanceof Long l
                  ? new CIMProperty<>(
                      n,
                      CIMDataType.UINT64_T,
                      new org.metricshub.wbem.javax.cim.UnsignedInteger64(String.valueOf(l)))
                  : new CIMProperty<>(n, CIMDataType.STRING_T, (String) v);
    }
    return new CIMInstance(new CIMObjectPath(null, null, null, "root/virt", className, null), props);
  }

  /** A path in root/virt with one string key. */
  CIMObjectPath path(String className, String key, String value) {
    return new CIMObjectPath(
        "http",
        "127.0.0.1",
        String.valueOf(agent.port),
        "root/virt",
        className,
        new CIMProperty<?>[] {new CIMProperty<>(key, CIMDataType.STRING_T, value, true, false, null)});
  }

  /** The job once its JobState is 7 (Completed). */
  CIMInstance completed(CIMObjectPath job, Duration timeout) {
    return Await.until(
        "job " + job + " completes",
        () -> client.getInstance(job, false, false, null),
        i -> ((Number) i.getPropertyValue("JobState")).intValue() == 7,
        timeout);
  }

  static long number(CIMInstance i, String property) {
    return ((Number) i.getPropertyValue(property)).longValue();
  }
}
