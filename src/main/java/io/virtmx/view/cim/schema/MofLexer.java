/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits MOF text into tokens: identifiers, strings (escapes decoded), numbers, punctuation; drops
 * comments.
 */
final class MofLexer {
  /**
   * One token; {@code kind} is 'i' identifier, 's' string, 'n' number, 'c' char literal or the
   * punctuation char.
   */
  record Token(char kind, String text, int line) {
    boolean is(char punct) {
      return kind == punct;
    }

    boolean isWord(String word) {
      return kind == 'i' && text.equalsIgnoreCase(word);
    }
  }

  private final String src;
  private final String file;
  private int pos;
  private int line = 1;

  MofLexer(String src, String file) {
    this.src = src;
    this.file = file;
  }

  List<Token> tokens() {
    List<Token> out = new ArrayList<>();
    while (skipSpaceAndComments()) {
      out.add(next());
    }
    return out;
  }

  private boolean skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        line += (int) src.substring(pos, end).chars().filter(ch -> ch == '\n').count();
        pos = end + 2;
      } else {
        return true;
      }
    }
    return false;
  }

  private Token next() {
    char c = src.charAt(pos);
    if (c == '"') {
      return new Token('s', quoted('"'), line);
    }
    if (c == '\'') {
      return new Token('c', quoted('\''), line);
    }
    if (Character.isLetter(c) || c == '_' || c == '#') {
      int start = pos++;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      return new Token('i', src.substring(start, pos), line);
    }
    if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
      int start = pos++;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      return new Token('n', src.substring(start, pos), line);
    }
    if ("[](){},;:=".indexOf(c) >= 0) {
      pos++;
      return new Token(c, String.valueOf(c), line);
    }
    throw error("unexpected character '" + c + "'");
  }

  private String quoted(char quote) {
    StringBuilder b = new StringBuilder();
    pos++;
    while (pos < src.length() && src.charAt(pos) != quote) {
      char c = src.charAt(pos++);
      if (c == '\n') {
        throw error("newline in string");
      }
      if (c == '\\' && pos < src.length()) {
        char e = src.charAt(pos++);
        b.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              default -> e;
            });
      } else {
        b.append(c);
      }
    }
    if (pos >= src.length()) {
      throw error("unterminated string");
    }
    pos++;
    return b.toString();
  }

  private MofException error(String message) {
    return new MofException(file + ":" + line + ": " + message);
  }
}
