/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.ClassRepository;
import io.virtmx.view.cim.xml.CimRequest;
import io.virtmx.view.cim.xml.CimXmlWriter;

/**
 * What an operation works with: the request, its namespace, the model of the current snapshot and
 * the writer.
 */
record RequestContext(
    CimRequest request, String ns, HostModel model, ClassRepository repo, CimXmlWriter out) {

  /** The class named by a parameter: INVALID_PARAMETER when missing, INVALID_CLASS when unknown. */
  CimClass requiredClass(String param) {
    String name = request.className(param);
    if (name == null || name.isBlank()) {
      throw new CimException(CimException.INVALID_PARAMETER, "parameter " + param + " is missing");
    }
    return knownClass(name);
  }

  CimClass knownClass(String name) {
    CimClass c = repo.get(name);
    if (c == null) {
      throw new CimException(
          CimException.INVALID_CLASS, "no class " + name + " in namespace " + ns);
    }
    return c;
  }

  /**
   * An optional class filter (AssocClass, ResultClass): INVALID_PARAMETER when it names no class.
   */
  String optionalClass(String param) {
    String name = request.className(param);
    if (name != null && repo.get(name) == null) {
      throw new CimException(
          CimException.INVALID_PARAMETER, param + " " + name + " is not a class");
    }
    return name;
  }

  /** The instance named by a parameter, checked: class known, every key given, instance exists. */
  CimInstance requiredInstance(String param) {
    Object v = request.param(param);
    if (v instanceof CimRequest.ClassName c) {
      throw new CimException(
          CimException.NOT_SUPPORTED, "operations on classes (" + c.name() + ") are not supported");
    }
    if (!(v instanceof CimObjectPath path)) {
      throw new CimException(
          CimException.INVALID_PARAMETER, "parameter " + param + " must be an instance name");
    }
    return instance(path);
  }

  CimInstance instance(CimObjectPath path) {
    CimClass cls = knownClass(path.className());
    for (String key : cls.keys()) {
      if (path.key(key) == null) {
        throw new CimException(
            CimException.INVALID_PARAMETER, "key " + key + " of " + cls.name() + " is missing");
      }
    }
    if (path.keys().size() != cls.keys().size()) {
      throw new CimException(
          CimException.INVALID_PARAMETER, path + " has keys " + cls.name() + " does not declare");
    }
    CimInstance inst = model.get(ns, path.withNamespace(null));
    if (inst == null) {
      throw new CimException(CimException.NOT_FOUND, "no instance " + path + " in namespace " + ns);
    }
    return inst;
  }
}
