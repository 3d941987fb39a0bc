package io.virtmx.view.cim.xml;

import io.virtmx.view.cim.CimException;
import io.virtmx.view.cim.CimInstance;
import io.virtmx.view.cim.CimObjectPath;
import io.virtmx.view.cim.schema.CimClass;
import io.virtmx.view.cim.schema.CimMethod;
import io.virtmx.view.cim.schema.CimParameter;
import io.virtmx.view.cim.schema.CimProperty;
import io.virtmx.view.cim.schema.CimQualifier;
import io.virtmx.view.cim.schema.CimType;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes CIM-XML responses (DSP0201) into a string: plain enough for wbemcli's simple parser
 * (declaration with version and encoding only, no namespaces, no DOCTYPE).
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

  private final StringBuilder b;
  private final String host;

  /** {@code host} goes into the INSTANCEPATHs of references. */
  public CimXmlWriter(String host, int capacity) {
    this.host = host;
    this.b = new StringBuilder(capacity);
  }

  /** Refuses to go on once the response is larger than {@link #MAX_CHARS}. */
  private void bounded() {
    if (b.length() > MAX_CHARS) {
      throw new CimException(
          CimException.FAILED,
          "the response would be larger than "
              + (MAX_CHARS >> 20)
              + " MiB: use the pull operations (OpenEnumerateInstances with MaxObjectCount)");
    }
  }

  public void begin(String messageId, String method, boolean intrinsic) {
    b.append(
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">\n<MESSAGE ID=\"");
    text(messageId)
        .append("\" PROTOCOLVERSION=\"1.0\">\n<SIMPLERSP>\n<")
        .append(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE");
    b.append(" NAME=\"");
    text(method).append("\">\n");
  }

  public void end(boolean intrinsic) {
    b.append("</")
        .append(intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE")
        .append(">\n</SIMPLERSP>\n</MESSAGE>\n</CIM>\n");
  }

  public void error(CimException e) {
    b.append("<ERROR CODE=\"").append(e.code()).append("\" DESCRIPTION=\"");
    text(CimException.codeName(e.code()) + ": " + e.getMessage()).append("\"/>\n");
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
    bounded();
    b.append("<INSTANCENAME CLASSNAME=\"").append(p.className()).append("\">");
    for (CimObjectPath.Key k : p.keys()) {
      b.append("<KEYBINDING NAME=\"").append(k.name()).append("\">");
      if (k.value() instanceof CimObjectPath ref) {
        reference(ref, p.namespace());
      } else {
        String type =
            k.value() instanceof Boolean
                ? "boolean"
                : k.value() instanceof Number ? "numeric" : "string";
        b.append("<KEYVALUE VALUETYPE=\"").append(type).append("\">");
        scalar(k.value()).append("</KEYVALUE>");
      }
      b.append("</KEYBINDING>");
    }
    b.append("</INSTANCENAME>");
  }

  /** INSTANCEPATH with this server's host and the path's namespace (or {@code defaultNs}). */
  public void instancePath(CimObjectPath p, String defaultNs) {
    b.append("<INSTANCEPATH><NAMESPACEPATH><HOST>");
    text(host).append("</HOST>");
    localNamespace(p.namespace() != null ? p.namespace() : defaultNs);
    b.append("</NAMESPACEPATH>");
    instanceName(p);
    b.append("</INSTANCEPATH>");
  }

  private void localNamespace(String ns) {
    b.append("<LOCALNAMESPACEPATH>");
    for (String part : ns.split("/")) {
      b.append("<NAMESPACE NAME=\"");
      text(part).append("\"/>");
    }
    b.append("</LOCALNAMESPACEPATH>");
  }

  private void reference(CimObjectPath ref, String defaultNs) {
    b.append("<VALUE.REFERENCE>");
    if (ref.namespace() != null || defaultNs != null) {
      instancePath(ref, defaultNs);
    } else {
      instanceName(ref);
    }
    b.append("</VALUE.REFERENCE>");
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
      qualifiers(cls.qualifiers());
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
    instanceName(inst.path());
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
    instancePath(inst.path(), ns);
    b.append('\n');
    instance(inst, cls, keep, q, origin, ns);
    b.append("</").append(element).append(">\n");
  }

  public void objectPath(CimObjectPath p, String ns) {
    bounded();
    b.append("<OBJECTPATH>");
    instancePath(p, ns);
    b.append("</OBJECTPATH>\n");
  }

  private void property(CimProperty p, Object value, boolean q, boolean origin, String ns) {
    String element =
        p.type() == CimType.REFERENCE
            ? "PROPERTY.REFERENCE"
            : p.array() ? "PROPERTY.ARRAY" : "PROPERTY";
    b.append('<').append(element).append(" NAME=\"").append(p.name()).append('"');
    if (p.type() == CimType.REFERENCE) {
      b.append(" REFERENCECLASS=\"").append(p.refClass()).append('"');
    } else {
      b.append(" TYPE=\"").append(p.type().xmlName()).append('"');
    }
    originAttributes(origin ? p.classOrigin() : null, p.propagated());
    b.append('>');
    if (q) {
      qualifiers(p.qualifiers());
    }
    if (value instanceof CimObjectPath ref) {
      reference(ref, ns);
    } else if (value != null) {
      value(value);
    }
    b.append("</").append(element).append(">\n");
  }

  /** VALUE or VALUE.ARRAY of a plain value. */
  public void value(Object value) {
    if (value instanceof List<?> list) {
      b.append("<VALUE.ARRAY>");
      for (Object o : list) {
        if (o == null) {
          b.append("<VALUE.NULL/>");
        } else {
          b.append("<VALUE>");
          scalar(o).append("</VALUE>");
        }
      }
      b.append("</VALUE.ARRAY>");
    } else {
      b.append("<VALUE>");
      scalar(value).append("</VALUE>");
    }
  }

  private StringBuilder scalar(Object v) {
    if (v instanceof Boolean bool) {
      return b.append(bool ? "TRUE" : "FALSE");
    }
    if (v instanceof Number n) {
      return b.append(n);
    }
    return text(String.valueOf(v));
  }

  private void qualifiers(List<CimQualifier> qualifiers) {
    for (CimQualifier q : qualifiers) {
      if (q.value() == null) {
        continue;
      }
      b.append("<QUALIFIER NAME=\"")
          .append(q.name())
          .append("\" TYPE=\"")
          .append(q.type().xmlName())
          .append('"');
      if (q.propagated()) {
        b.append(" PROPAGATED=\"true\"");
      }
      b.append('>');
      value(q.value());
      b.append("</QUALIFIER>\n");
    }
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
      qualifiers(cls.qualifiers());
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
      qualifiers(m.qualifiers());
    }
    for (CimParameter p : m.parameters()) {
      String element =
          p.type() == CimType.REFERENCE
              ? (p.array() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE")
              : p.array() ? "PARAMETER.ARRAY" : "PARAMETER";
      b.append('<').append(element).append(" NAME=\"").append(p.name()).append('"');
      if (p.type() == CimType.REFERENCE) {
        b.append(" REFERENCECLASS=\"").append(p.refClass()).append('"');
      } else {
        b.append(" TYPE=\"").append(p.type().xmlName()).append('"');
      }
      b.append(">\n");
      if (q) {
        qualifiers(p.qualifiers());
      }
      b.append("</").append(element).append(">\n");
    }
    b.append("</METHOD>\n");
  }

  private StringBuilder text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            b.append('?');
          } else if (c == '\r' || c == '\n' || c == '\t') {
            b.append("&#").append((int) c).append(';');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b;
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
