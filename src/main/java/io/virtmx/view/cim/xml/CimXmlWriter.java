/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import static io.virtmx.view.cim.xml.ValueXml.qualifiers;
import static io.virtmx.view.cim.xml.ValueXml.text;

import io.virtmx.view.cim.CimException;
import io.virtmx.view.cim.CimInstance;
import io.virtmx.view.cim.CimObjectPath;
import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimMethod;
import io.virtmx.view.cim.schema.CimParameter;
import io.virtmx.view.cim.schema.CimProperty;
import io.virtmx.view.cim.schema.CimType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes CIM-XML responses (DSP0201) into a string: plain enough for wbemcli's simple parser
 * (declaration with version and encoding only, no namespaces, no DOCTYPE). It writes the message,
 * return values, instances and classes; object paths are spelled by {@link PathXml}, values,
 * qualifiers and escaped text by {@link ValueXml}.
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="utf-8" ?&gt;
 * &lt;CIM CIMVERSION="2.0" DTDVERSION="2.0"&gt;&lt;MESSAGE ID="1" PROTOCOLVERSION="1.0"&gt;&lt;SIMPLERSP&gt;
 * &lt;IMETHODRESPONSE NAME="GetInstance"&gt;&lt;IRETURNVALUE&gt;&lt;INSTANCE CLASSNAME="KVM_ComputerSystem"&gt;…
 * </pre>
 */
public final class CimXmlWriter {
  /** The largest response, in characters: a larger enumeration is refused, not built. */
  public static final int MAX_CHARS = 16 << 20;

  /**
   * Once the text being written reaches this many characters, it is moved out as a UTF-8 part at
   * the next element's start: a large enumeration is held as parts of ~32 KiB, never as one text
   * of megabytes that grows by copying and is copied twice more to be sent (such arrays, too large
   * for the young generation, filled the old one under load: docs/benchmarks.md, "The load
   * probe's collection criterion").
   */
  static final int PART_CHARS = 32 << 10;

  private final StringBuilder b;
  private final PathXml paths;
  private final List<byte[]> parts = new ArrayList<>();
  private long partChars;

  /** {@code host} goes into the INSTANCEPATHs of references. */
  public CimXmlWriter(String host, int capacity) {
    this.b = new StringBuilder(Math.min(capacity, PART_CHARS));
    this.paths = new PathXml(b, host, this::bounded);
  }

  /**
   * At an element's start: moves a full part out, and refuses to go on once the response is
   * larger than {@link #MAX_CHARS}.
   */
  void bounded() {
    if (b.length() >= PART_CHARS) {
      parts.add(b.toString().getBytes(StandardCharsets.UTF_8));
      partChars += b.length();
      b.setLength(0);
    }
    if (partChars + b.length() > MAX_CHARS) {
      throw new CimException(
          CimException.FAILED,
          "the response would be larger than "
              + (MAX_CHARS >> 20)
              + " MiB: use the pull operations (OpenEnumerateInstances with MaxObjectCount)");
    }
  }

  /** The response as UTF-8, in parts of about {@link #PART_CHARS} characters. */
  public List<byte[]> utf8() {
    List<byte[]> all = new ArrayList<>(parts);
    all.add(b.toString().getBytes(StandardCharsets.UTF_8));
    return all;
  }

  public void begin(String messageId, String method, boolean intrinsic) {
    b.append(
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">\n<MESSAGE ID=\"");
    text(b, messageId)
        .append("\" PROTOCOLVERSION=\"1.0\">\n<SIMPLERSP>\n<")
        .append(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE");
    b.append(" NAME=\"");
    text(b, method).append("\">\n");
  }

  public void end(boolean intrinsic) {
    b.append("</")
        .append(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE")
        .append(">\n</SIMPLERSP>\n</MESSAGE>\n</CIM>\n");
  }

  public void error(CimException e) {
    b.append("<ERROR CODE=\"").append(e.code()).append("\" DESCRIPTION=\"");
    text(b, CimException.codeName(e.code()) + ": " + e.getMessage()).append("\"/>\n");
  }

  public void raw(String xml) {
    b.append(xml);
  }

  public void returnValueOpen() {
    b.append("<IRETURNVALUE>\n");
  }

  public void returnValueClose() {
    b.append("</IRETURNVALUE>\n");
  }

  /** An output parameter of an intrinsic or extrinsic method. */
  public void paramValue(String name, CimType type, Object value) {
    b.append("<PARAMVALUE NAME=\"")
        .append(name)
        .append("\" PARAMTYPE=\"")
        .append(type.xmlName())
        .append("\">");
    if (value != null) {
      value(value);
    }
    b.append("</PARAMVALUE>\n");
  }

  public void methodReturn(CimType type, Object value) {
    b.append("<RETURNVALUE PARAMTYPE=\"").append(type.xmlName()).append("\">");
    value(value);
    b.append("</RETURNVALUE>\n");
  }

  public void className(String name) {
    bounded();
    b.append("<CLASSNAME NAME=\"").append(name).append("\"/>\n");
  }

  public void instanceName(CimObjectPath p) {
    paths.instanceName(p);
  }

  /** INSTANCEPATH with this server's host and the path's namespace (or {@code defaultNs}). */
  public void instancePath(CimObjectPath p, String defaultNs) {
    paths.instancePath(p, defaultNs);
  }

  /** VALUE or VALUE.ARRAY of a plain value. */
  public void value(Object value) {
    ValueXml.value(b, value);
  }

  /**
   * An INSTANCE element: the class's properties the filter keeps, in class order, with their values
   * (a property without a value is written without VALUE, as null).
   */
  public void instance(
      CimInstance inst,
      CimClass cls,
      Predicate<CimProperty> keep,
      boolean qualifiers,
      boolean classOrigin,
      String ns) {
    bounded();
    b.append("<INSTANCE CLASSNAME=\"").append(inst.className()).append("\">\n");
    if (qualifiers) {
      qualifiers(b, cls.qualifiers());
    }
    for (CimProperty p : cls.properties()) {
      if (keep.test(p)) {
        property(p, inst.values().get(p.name()), qualifiers, classOrigin, ns);
      }
    }
    b.append("</INSTANCE>\n");
  }

  public void namedInstance(
      CimInstance inst,
      CimClass cls,
      Predicate<CimProperty> keep,
      boolean q,
      boolean origin,
      String ns) {
    bounded();
    b.append("<VALUE.NAMEDINSTANCE>");
    paths.instanceName(inst.path());
    b.append('\n');
    instance(inst, cls, keep, q, origin, ns);
    b.append("</VALUE.NAMEDINSTANCE>\n");
  }

  /**
   * VALUE.OBJECTWITHPATH (Associators, References, ExecQuery) or VALUE.INSTANCEWITHPATH (pull
   * operations).
   */
  public void instanceWithPath(
      String element,
      CimInstance inst,
      CimClass cls,
      Predicate<CimProperty> keep,
      boolean q,
      boolean origin,
      String ns) {
    bounded();
    b.append('<').append(element).append('>');
    paths.instancePath(inst.path(), ns);
    b.append('\n');
    instance(inst, cls, keep, q, origin, ns);
    b.append("</").append(element).append(">\n");
  }

  public void objectPath(CimObjectPath p, String ns) {
    bounded();
    b.append("<OBJECTPATH>");
    paths.instancePath(p, ns);
    b.append("</OBJECTPATH>\n");
  }

  private void property(CimProperty p, Object value, boolean q, boolean origin, String ns) {
    String element =
        p.type() == CimType.REFERENCE
            ? "PROPERTY.REFERENCE"
            : p.array() ? "PROPERTY.ARRAY" : "PROPERTY";
    typedStart(element, p.name(), p.type(), p.refClass());
    originAttributes(origin ? p.classOrigin() : null, p.propagated());
    b.append('>');
    if (q) {
      qualifiers(b, p.qualifiers());
    }
    if (value instanceof CimObjectPath ref) {
      paths.reference(ref, ns);
    } else if (value != null) {
      value(value);
    }
    b.append("</").append(element).append(">\n");
  }

  /** A CLASS element with the properties and methods {@code keep} selects. */
  public void cimClass(
      CimClass cls,
      Predicate<CimProperty> keep,
      Predicate<CimMethod> keepMethod,
      boolean q,
      boolean origin) {
    bounded();
    b.append("<CLASS NAME=\"").append(cls.name()).append('"');
    if (cls.superclass() != null) {
      b.append(" SUPERCLASS=\"").append(cls.superclass()).append('"');
    }
    b.append(">\n");
    if (q) {
      qualifiers(b, cls.qualifiers());
    }
    for (CimProperty p : cls.properties()) {
      if (keep.test(p)) {
        property(p, p.defaultValue(), q, origin, null);
      }
    }
    for (CimMethod m : cls.methods()) {
      if (keepMethod.test(m)) {
        method(m, q, origin);
      }
    }
    b.append("</CLASS>\n");
  }

  /** The start tag of a property or parameter, open for more attributes: REFERENCECLASS or TYPE. */
  private void typedStart(String element, String name, CimType type, String refClass) {
    b.append('<').append(element).append(" NAME=\"").append(name).append('"');
    if (type == CimType.REFERENCE) {
      b.append(" REFERENCECLASS=\"").append(refClass).append('"');
    } else {
      b.append(" TYPE=\"").append(type.xmlName()).append('"');
    }
  }

  /** CLASSORIGIN (when asked for: not null) and PROPAGATED of a property or method. */
  private void originAttributes(String classOrigin, boolean propagated) {
    if (classOrigin != null) {
      b.append(" CLASSORIGIN=\"").append(classOrigin).append('"');
    }
    if (propagated) {
      b.append(" PROPAGATED=\"true\"");
    }
  }

  private void method(CimMethod m, boolean q, boolean origin) {
    b.append("<METHOD NAME=\"")
        .append(m.name())
        .append("\" TYPE=\"")
        .append(m.returnType().xmlName())
        .append('"');
    originAttributes(origin ? m.classOrigin() : null, m.propagated());
    b.append(">\n");
    if (q) {
      qualifiers(b, m.qualifiers());
    }
    for (CimParameter p : m.parameters()) {
      String element =
          p.type() == CimType.REFERENCE
              ? (p.array() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE")
              : p.array() ? "PARAMETER.ARRAY" : "PARAMETER";
      typedStart(element, p.name(), p.type(), p.refClass());
      b.append(">\n");
      if (q) {
        qualifiers(b, p.qualifiers());
      }
      b.append("</").append(element).append(">\n");
    }
    b.append("</METHOD>\n");
  }

  @Override
  public String toString() {
    StringBuilder all = new StringBuilder();
    for (byte[] part : parts) {
      all.append(new String(part, StandardCharsets.UTF_8));
    }
    return all.append(b).toString();
  }
}
