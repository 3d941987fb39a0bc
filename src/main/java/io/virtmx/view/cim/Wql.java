/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WQL query: {@code SELECT * | p1, p2 FROM Class [WHERE condition]} where a condition combines
 * comparisons ({@code =, <>, !=, <, <=, >, >=} against a string, number, TRUE/FALSE or NULL, and
 * {@code IS [NOT] NULL}) with AND, OR, NOT and parentheses. Example: {@code SELECT Name FROM
 * KVM_ComputerSystem WHERE EnabledState = 2}.
 */
final class Wql {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:('(?:[^']|'')*')|(\"[^\"]*\")|(<>|!=|<=|>=|[=<>(),*])|([-+]?\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*))");

  final List<String> properties;
  final String className;
  final Predicate<CimInstance> where;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  Wql(String query) {
    tokenize(query);
    expectWord("SELECT");
    List<String> props = new ArrayList<>();
    if (accept("*")) {
      props = null;
    } else {
      do {
        props.add(name());
      } while (accept(","));
    }
    this.properties = props;
    expectWord("FROM");
    this.className = name();
    this.where = acceptWord("WHERE") ? or() : i -> true;
    if (pos < tokens.size()) {
      throw invalid("unexpected '" + tokens.get(pos) + "'");
    }
  }

  private void tokenize(String q) {
    Matcher m = TOKEN.matcher(q);
    int at = 0;
    while (at < q.length()) {
      if (q.substring(at).isBlank()) {
        return;
      }
      if (!m.find(at) || m.start() != at) {
        throw invalid("cannot read the query at '" + q.substring(at).strip() + "'");
      }
      tokens.add(m.group().strip());
      at = m.end();
    }
  }

  private Predicate<CimInstance> or() {
    Predicate<CimInstance> left = and();
    while (acceptWord("OR")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<CimInstance> and() {
    Predicate<CimInstance> left = not();
    while (acceptWord("AND")) {
      left = left.and(not());
    }
    return left;
  }

  private Predicate<CimInstance> not() {
    if (acceptWord("NOT")) {
      return not().negate();
    }
    if (accept("(")) {
      Predicate<CimInstance> inner = or();
      if (!accept(")")) {
        throw invalid("missing ')'");
      }
      return inner;
    }
    return comparison();
  }

  private Predicate<CimInstance> comparison() {
    String property = name();
    if (acceptWord("IS")) {
      boolean negated = acceptWord("NOT");
      expectWord("NULL");
      return i -> (valueOf(i, property) == null) != negated;
    }
    String op = pos < tokens.size() ? tokens.get(pos++) : "";
    if (!List.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op)) {
      throw invalid("expected a comparison after " + property);
    }
    Object literal = literal();
    return i -> compare(valueOf(i, property), op, literal);
  }

  /** A property's value; {@code SourceInstance.EnabledState} reads into an embedded instance. */
  static Object valueOf(CimInstance i, String property) {
    int dot = property.indexOf('.');
    if (dot < 0) {
      return i.get(property);
    }
    return i.get(property.substring(0, dot)) instanceof CimInstance inner
        ? valueOf(inner, property.substring(dot + 1))
        : null;
  }

  private Object literal() {
    if (pos >= tokens.size()) {
      throw invalid("expected a value");
    }
    String t = tokens.get(pos++);
    if (t.startsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    if (t.startsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    if (t.equalsIgnoreCase("TRUE") || t.equalsIgnoreCase("FALSE")) {
      return Boolean.parseBoolean(t);
    }
    if (t.equalsIgnoreCase("NULL")) {
      return null;
    }
    try {
      return t.contains(".") ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw invalid("expected a value, got '" + t + "'");
    }
  }

  private static boolean compare(Object value, String op, Object literal) {
    if (value == null || literal == null) {
      return op.equals("=")
          ? value == literal
          : (op.equals("<>") || op.equals("!=")) && value != literal;
    }
    int c;
    if (value instanceof Number a && literal instanceof Number b) {
      c = Double.compare(a.doubleValue(), b.doubleValue());
    } else if (value instanceof Boolean a && literal instanceof Boolean b) {
      c = a.equals(b) ? 0 : 1;
    } else if (value instanceof String a && literal instanceof String b) {
      c = a.compareTo(b);
    } else {
      return false;
    }
    return switch (op) {
      case "=" -> c == 0;
      case "<>", "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private String name() {
    if (pos >= tokens.size()
        || !Character.isLetter(tokens.get(pos).charAt(0)) && tokens.get(pos).charAt(0) != '_') {
      throw invalid(
          "expected a name" + (pos < tokens.size() ? ", got '" + tokens.get(pos) + "'" : ""));
    }
    return tokens.get(pos++);
  }

  private boolean accept(String punct) {
    if (pos < tokens.size() && tokens.get(pos).equals(punct)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (pos < tokens.size() && tokens.get(pos).toUpperCase(Locale.ROOT).equals(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw invalid("expected " + word);
    }
  }

  private static CimException invalid(String why) {
    return new CimException(CimException.INVALID_QUERY, "WQL: " + why);
  }
}
