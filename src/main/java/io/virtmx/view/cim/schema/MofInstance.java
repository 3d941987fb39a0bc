/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import io.virtmx.view.cim.schema.MofLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One MOF instance declaration ({@code instance of KVM_MemResourceAllocationSettingData {
 * VirtualQuantity = 512; };}), as clients send embedded instances: the class and each property's
 * value as text (numbers and booleans as written), a list of texts for an array, or null.
 */
public record MofInstance(String className, Map<String, Object> values) {
  private static final int MAX_PROPERTIES = 256;

  /** Parses exactly one instance declaration; anything else is a {@link MofException}. */
  public static MofInstance parse(String text) {
    List<Token> tokens = new MofLexer(text, "embedded instance").tokens();
    Cursor c = new Cursor(tokens);
    if (c.peek() != null && c.peek().is('[')) {
      while (!c.next().is(']')) {
        // qualifiers of the instance say nothing we use
      }
    }
    if (!c.next().isWord("instance") || !c.next().isWord("of")) {
      throw new MofException("expected 'instance of'");
    }
    Token cls = c.next();
    if (cls.kind() != 'i') {
      throw new MofException("expected a class name, got '" + cls.text() + "'");
    }
    c.expect('{');
    Map<String, Object> values = new LinkedHashMap<>();
    while (!c.accept('}')) {
      Token name = c.next();
      if (name.kind() != 'i' || values.size() >= MAX_PROPERTIES) {
        throw new MofException("expected a property name, got '" + name.text() + "'");
      }
      c.expect('=');
      values.put(name.text(), value(c));
      c.expect(';');
    }
    c.accept(';');
    if (c.peek() != null) {
      throw new MofException("text after the instance: '" + c.peek().text() + "'");
    }
    return new MofInstance(cls.text(), values);
  }

  private static Object value(Cursor c) {
    if (!c.accept('{')) {
      return scalar(c);
    }
    List<String> list = new ArrayList<>();
    while (!c.accept('}')) {
      list.add(scalar(c));
      c.accept(',');
    }
    return list;
  }

  private static String scalar(Cursor c) {
    Token t = c.next();
    if (t.kind() == 's') {
      StringBuilder b = new StringBuilder(t.text());
      while (c.peek() != null && c.peek().kind() == 's') {
        b.append(c.next().text());
      }
      return b.toString();
    }
    if (t.isWord("null")) {
      return null;
    }
    if (t.kind() == 'n' || t.kind() == 'c' || t.isWord("true") || t.isWord("false")) {
      return t.text();
    }
    throw new MofException("expected a value, got '" + t.text() + "'");
  }

  /** Reads the tokens in order. */
  private static final class Cursor {
    private final List<Token> tokens;
    private int pos;

    Cursor(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token peek() {
      return pos < tokens.size() ? tokens.get(pos) : null;
    }

    Token next() {
      if (pos >= tokens.size()) {
        throw new MofException("unexpected end of the instance");
      }
      return tokens.get(pos++);
    }

    boolean accept(char punct) {
      if (peek() != null && peek().is(punct)) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(char punct) {
      if (!accept(punct)) {
        throw new MofException("expected '" + punct + "'");
      }
    }
  }
}
