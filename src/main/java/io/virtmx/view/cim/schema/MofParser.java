/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import io.virtmx.view.cim.schema.MofLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the MOF subset our schema uses (DSP0221): {@code #pragma}, qualifier declarations, and
 * class declarations with qualified properties, references, arrays, default values and methods with
 * parameters. Qualifiers must be declared before use; their declared type types the values.
 */
final class MofParser {
  /** A class as declared in one MOF file, before inheritance is resolved. */
  record ClassDecl(
      String name,
      String superclass,
      List<CimQualifier> qualifiers,
      List<CimProperty> properties,
      List<CimMethod> methods) {}

  private final List<Token> tokens;
  private final String file;
  private final Map<String, CimQualifier> qualifierTypes;
  private final List<ClassDecl> classes = new ArrayList<>();
  private int pos;

  MofParser(String text, String file, Map<String, CimQualifier> qualifierTypes) {
    this.tokens = new MofLexer(text, file).tokens();
    this.file = file;
    this.qualifierTypes = qualifierTypes;
  }

  List<ClassDecl> parse() {
    while (pos < tokens.size()) {
      Token t = peek();
      if (t.isWord("#pragma")) {
        pos++;
        word();
        expect('(');
        while (!peek().is(')')) {
          pos++;
        }
        expect(')');
      } else if (t.isWord("Qualifier")) {
        qualifierDeclaration();
      } else {
        classDeclaration();
      }
    }
    return classes;
  }

  private void qualifierDeclaration() {
    pos++;
    String name = word();
    expect(':');
    CimType type = type(word());
    boolean array = optionalArray();
    Object value = null;
    if (accept('=')) {
      value = value(type);
    }
    while (!peek().is(';')) {
      pos++;
    }
    expect(';');
    qualifierTypes.put(
        name.toLowerCase(Locale.ROOT), new CimQualifier(name, type, array, value, false));
  }

  private void classDeclaration() {
    List<CimQualifier> qualifiers = qualifierList();
    if (!next().isWord("class")) {
      throw error("expected 'class'");
    }
    String name = word();
    String superclass = accept(':') ? word() : null;
    expect('{');
    List<CimProperty> properties = new ArrayList<>();
    List<CimMethod> methods = new ArrayList<>();
    while (!accept('}')) {
      feature(name, properties, methods);
    }
    expect(';');
    classes.add(new ClassDecl(name, superclass, qualifiers, properties, methods));
  }

  private void feature(String className, List<CimProperty> properties, List<CimMethod> methods) {
    List<CimQualifier> qualifiers = qualifierList();
    TypeRef t = typeRef();
    CimType type = t.type();
    String refClass = t.refClass();
    String name = word();
    if (accept('(')) {
      List<CimParameter> params = new ArrayList<>();
      while (!accept(')')) {
        params.add(parameter());
        accept(',');
      }
      expect(';');
      methods.add(new CimMethod(name, type, params, qualifiers, className, false));
      return;
    }
    boolean array = optionalArray();
    Object defaultValue = accept('=') ? value(type) : null;
    expect(';');
    properties.add(
        new CimProperty(name, type, array, refClass, defaultValue, qualifiers, className, false));
  }

  /** A data type, or {@code <class> REF} (refClass set). */
  private record TypeRef(CimType type, String refClass) {}

  private TypeRef typeRef() {
    String typeName = word();
    if (peek().isWord("REF")) {
      pos++;
      return new TypeRef(CimType.REFERENCE, typeName);
    }
    return new TypeRef(type(typeName), null);
  }

  private CimParameter parameter() {
    List<CimQualifier> qualifiers = qualifierList();
    TypeRef t = typeRef();
    CimType type = t.type();
    String refClass = t.refClass();
    String name = word();
    return new CimParameter(name, type, optionalArray(), refClass, qualifiers);
  }

  private List<CimQualifier> qualifierList() {
    List<CimQualifier> out = new ArrayList<>();
    if (!accept('[')) {
      return out;
    }
    do {
      String name = word();
      CimQualifier decl = qualifierTypes.get(name.toLowerCase(Locale.ROOT));
      if (decl == null) {
        throw error("qualifier '" + name + "' is not declared");
      }
      Object value = Boolean.TRUE;
      if (accept('(')) {
        value = value(decl.type());
        expect(')');
      } else if (peek().is('{')) {
        value = value(decl.type());
      } else if (decl.type() != CimType.BOOLEAN) {
        throw error("qualifier '" + name + "' needs a value");
      }
      if (accept(':')) {
        word();
      }
      out.add(new CimQualifier(decl.name(), decl.type(), decl.array(), value, false));
    } while (accept(','));
    expect(']');
    return out;
  }

  private Object value(CimType type) {
    if (accept('{')) {
      List<Object> list = new ArrayList<>();
      while (!accept('}')) {
        list.add(scalar(type));
        accept(',');
      }
      return list;
    }
    return scalar(type);
  }

  private Object scalar(CimType type) {
    Token t = next();
    if (t.isWord("null")) {
      return null;
    }
    if (t.kind() == 's') {
      StringBuilder b = new StringBuilder(t.text());
      while (peek() != null && peek().kind() == 's') {
        b.append(next().text());
      }
      return b.toString();
    }
    if (t.kind() == 'c') {
      return t.text();
    }
    if (t.isWord("true") || t.isWord("false")) {
      return Boolean.parseBoolean(t.text());
    }
    if (t.kind() == 'n') {
      try {
        return type == CimType.REAL32 || type == CimType.REAL64
            ? (Object) Double.parseDouble(t.text())
            : (Object) Long.decode(t.text());
      } catch (NumberFormatException e) {
        throw error("bad number '" + t.text() + "'");
      }
    }
    throw error("expected a value, got '" + t.text() + "'");
  }

  private boolean optionalArray() {
    if (!accept('[')) {
      return false;
    }
    if (peek().kind() == 'n') {
      pos++;
    }
    expect(']');
    return true;
  }

  private CimType type(String name) {
    CimType type = CimType.parse(name);
    if (type == null || type == CimType.REFERENCE) {
      throw error("unknown type '" + name + "'");
    }
    return type;
  }

  private Token peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private Token next() {
    if (pos >= tokens.size()) {
      throw new MofException(file + ": unexpected end of file");
    }
    return tokens.get(pos++);
  }

  private String word() {
    Token t = next();
    if (t.kind() != 'i') {
      pos--;
      throw error("expected a name, got '" + t.text() + "'");
    }
    return t.text();
  }

  private boolean accept(char punct) {
    if (peek() != null && peek().is(punct)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char punct) {
    if (!accept(punct)) {
      throw error("expected '" + punct + "'");
    }
  }

  private MofException error(String message) {
    Token t = pos < tokens.size() ? tokens.get(pos) : tokens.get(tokens.size() - 1);
    return new MofException(file + ":" + t.line() + ": " + message);
  }
}
