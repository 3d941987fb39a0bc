/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.virtmx.view.cim.schema.CimQualifier;
import io.virtmx.view.cim.schema.CimType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How values, qualifiers and text are spelled in CIM-XML. */
class ValueXmlTest {
  private static String text(String s) {
    return ValueXml.text(new StringBuilder(), s).toString();
  }

  private static String value(Object v) {
    StringBuilder b = new StringBuilder();
    ValueXml.value(b, v);
    return b.toString();
  }

  @Test
  void escapesMarkupAndKeepsLineBreaksAsCharacterReferences() {
    assertThat(text("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&apos;f");
    assertThat(text("1\n2\t3\r")).isEqualTo("1&#10;2&#9;3&#13;");
  }

  @Test
  void replacesCharactersXmlCannotCarry() {
    assertThat(text("a\u0000b\u001fc\uFFFEd\uFFFF")).isEqualTo("a?b?c?d?");
    assertThat(text("ünïcode €")).isEqualTo("ünïcode €");
  }

  @Test
  void writesScalarsAndArraysWithNullElements() {
    assertThat(value(true)).isEqualTo("<VALUE>TRUE</VALUE>");
    assertThat(value(42L)).isEqualTo("<VALUE>42</VALUE>");
    assertThat(value("x<y")).isEqualTo("<VALUE>x&lt;y</VALUE>");
    assertThat(value(Arrays.asList(1, null, false)))
        .isEqualTo("<VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL/><VALUE>FALSE</VALUE></VALUE.ARRAY>");
  }

  @Test
  void writesOnlyQualifiersWithAValue() {
    StringBuilder b = new StringBuilder();
    ValueXml.qualifiers(
        b,
        List.of(
            new CimQualifier("Key", CimType.BOOLEAN, false, true, true),
            new CimQualifier("Description", CimType.STRING, false, null, false),
            new CimQualifier("ValueMap", CimType.STRING, true, List.of("2", "3"), false)));
    assertThat(b.toString())
        .isEqualTo(
            """
            <QUALIFIER NAME="Key" TYPE="boolean" PROPAGATED="true"><VALUE>TRUE</VALUE></QUALIFIER>
            <QUALIFIER NAME="ValueMap" TYPE="string"><VALUE.ARRAY><VALUE>2</VALUE><VALUE>3</VALUE></VALUE.ARRAY></QUALIFIER>
            """);
  }
}
