/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes the server serves, parsed from our MOF files and resolved (inheritance, class
 * origins, keys). Loaded from a main file of {@code #pragma include ("file.mof")} lines, as DMTF
 * ships its schema.
 */
public final class ClassRepository {
  /** The main MOF file on the classpath. */
  public static final String MAIN = "mibs-and-mof/virtmx.mof";

  private static final Pattern INCLUDE =
      Pattern.compile("#pragma\\s+include\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

  private final Map<String, CimClass> classes = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();

  private ClassRepository() {}

  /** Our schema, from the MOF files on the classpath. */
  public static ClassRepository fromClasspath() {
    String dir = MAIN.substring(0, MAIN.lastIndexOf('/') + 1);
    return load(read(MAIN), name -> read(dir + name));
  }

  private static String read(String resource) {
    try (InputStream in = ClassRepository.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new MofException(resource + ": not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the files the main text includes, in order, reading each through {@code files}. */
  public static ClassRepository load(String mainText, Function<String, String> files) {
    Map<String, CimQualifier> qualifierTypes = new HashMap<>();
    List<MofParser.ClassDecl> decls = new ArrayList<>();
    Matcher m = INCLUDE.matcher(mainText);
    while (m.find()) {
      decls.addAll(new MofParser(files.apply(m.group(1)), m.group(1), qualifierTypes).parse());
    }
    ClassRepository repo = new ClassRepository();
    decls.forEach(repo::add);
    return repo;
  }

  /**
   * Parses MOF text that holds its own qualifier declarations and classes (for tests and tools).
   */
  public static ClassRepository parse(String text, String file) {
    ClassRepository repo = new ClassRepository();
    new MofParser(text, file, new HashMap<>()).parse().forEach(repo::add);
    return repo;
  }

  private void add(MofParser.ClassDecl d) {
    String key = d.name().toLowerCase(Locale.ROOT);
    if (classes.containsKey(key)) {
      throw new MofException("class " + d.name() + " is declared twice");
    }
    CimClass parent = null;
    if (d.superclass() != null) {
      parent = classes.get(d.superclass().toLowerCase(Locale.ROOT));
      if (parent == null) {
        throw new MofException(
            "class " + d.name() + ": superclass " + d.superclass() + " is not declared before it");
      }
    }
    Map<String, CimProperty> props = new LinkedHashMap<>();
    Map<String, CimMethod> methods = new LinkedHashMap<>();
    List<CimQualifier> qualifiers = new ArrayList<>(d.qualifiers());
    if (parent != null) {
      parent.properties().forEach(p -> props.put(p.name().toLowerCase(Locale.ROOT), p.inherited()));
      parent
          .methods()
          .forEach(mm -> methods.put(mm.name().toLowerCase(Locale.ROOT), mm.inherited()));
      if (parent.isAssociation() && Qualifiers.find(qualifiers, "Association").isEmpty()) {
        qualifiers.add(
            Qualifiers.find(parent.qualifiers(), "Association").orElseThrow().propagatedCopy());
      }
    }
    for (CimProperty p : d.properties()) {
      CimProperty old = props.get(p.name().toLowerCase(Locale.ROOT));
      props.put(p.name().toLowerCase(Locale.ROOT), old == null ? p : override(old, p));
    }
    d.methods().forEach(mm -> methods.put(mm.name().toLowerCase(Locale.ROOT), mm));
    classes.put(
        key,
        new CimClass(
            d.name(),
            parent == null ? null : parent.name(),
            qualifiers,
            props.values(),
            methods.values()));
    if (parent != null) {
      children
          .computeIfAbsent(parent.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(d.name());
    }
  }

  /** An overriding property keeps the inherited qualifiers it does not restate. */
  private static CimProperty override(CimProperty old, CimProperty p) {
    List<CimQualifier> q = new ArrayList<>(p.qualifiers());
    for (CimQualifier inherited : old.qualifiers()) {
      if (Qualifiers.find(p.qualifiers(), inherited.name()).isEmpty()) {
        q.add(inherited);
      }
    }
    Object def = p.defaultValue() != null ? p.defaultValue() : old.defaultValue();
    String ref = p.refClass() != null ? p.refClass() : old.refClass();
    return new CimProperty(p.name(), p.type(), p.array(), ref, def, q, p.classOrigin(), false);
  }

  /** The class of that name (case-insensitive), or null. */
  public CimClass get(String name) {
    return name == null ? null : classes.get(name.toLowerCase(Locale.ROOT));
  }

  public Collection<CimClass> all() {
    return classes.values();
  }

  /**
   * Direct subclasses, or all descendants with {@code deep}; of the root classes when {@code name}
   * is null.
   */
  public List<CimClass> subclasses(String name, boolean deep) {
    List<CimClass> out = new ArrayList<>();
    if (name == null) {
      for (CimClass c : classes.values()) {
        if (c.superclass() == null) {
          out.add(c);
          if (deep) {
            out.addAll(subclasses(c.name(), true));
          }
        }
      }
      return out;
    }
    for (String child : children.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
      out.add(get(child));
      if (deep) {
        out.addAll(subclasses(child, true));
      }
    }
    return out;
  }

  /** Whether {@code name} is {@code ancestor} or one of its subclasses. */
  public boolean isA(String name, String ancestor) {
    for (CimClass c = get(name); c != null; c = get(c.superclass())) {
      if (c.name().equalsIgnoreCase(ancestor)) {
        return true;
      }
    }
    return false;
  }
}
