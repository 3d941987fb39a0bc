/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build-time generator of the Debian package's documents from the picocli command itself: the man
 * page virtmx(1) (troff, gzipped) and the bash completion script, so both always match {@code
 * virtmx --help}. Run by the build ({@code exec-maven-plugin}, phase prepare-package) as {@code
 * PackageDocs OUTPUT_DIR}; not used by the agent.
 */
public final class PackageDocs {
  private PackageDocs() {}

  /**
   * Writes {@code virtmx.1.gz}, {@code virtmx.bash-completion} and {@code changelog.gz} (from the
   * template given, its {@code [[version]]} replaced by the package's version) into the directory.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PackageDocs OUTPUT_DIR CHANGELOG_TEMPLATE");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    BuildInfo build = BuildInfo.load();
    gzip(out.resolve("virtmx.1.gz"), ManPage.of(command().getCommandSpec(), build));
    gzip(
        out.resolve("changelog.gz"),
        Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)
            .replace("[[version]]", debianVersion(build.version())));
    Files.writeString(
        out.resolve("virtmx.bash-completion"),
        // A completion file is sourced, not run: no #! line (lintian).
        AutoComplete.bash("virtmx", command()).replaceFirst("\\A#![^\\n]*\\n", ""),
        StandardCharsets.UTF_8);
  }

  /**
   * The package version jdeb makes of the Maven version (its {@code [[version]]}): {@code
   * 1.0-SNAPSHOT} is {@code 1.0~SNAPSHOT}, {@code 1.0-rc1} is {@code 1.0~rc1}, so that both sort
   * before {@code 1.0}; any other '-' becomes '+'.
   */
  static String debianVersion(String mavenVersion) {
    Matcher snapshot =
        Pattern.compile("(.*)[-+]SNAPSHOT").matcher(mavenVersion);
    String v = mavenVersion;
    if (snapshot.matches()) {
      v = snapshot.group(1) + "~SNAPSHOT";
    } else {
      Matcher pre =
          Pattern.compile(
                  "(.*?)([.\\-_]?)(alpha|beta|rc)(.*)", Pattern.CASE_INSENSITIVE)
              .matcher(mavenVersion);
      if (pre.matches()) {
        v = pre.group(1) + "~" + pre.group(3) + pre.group(4);
      }
    }
    return v.replace('-', '+');
  }

  static CommandLine command() {
    return new CommandLine(new Main());
  }

  /**
   * Gzip as Debian wants it: best compression, and a header that says so (XFL 2, which {@code
   * GZIPOutputStream} never writes), no file name, no timestamp (reproducible), OS Unix.
   */
  static void gzip(Path file, String text) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(data);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
      Deflater deflater =
          new Deflater(Deflater.BEST_COMPRESSION, true);
      try (DeflaterOutputStream body =
          new DeflaterOutputStream(nonClosing(out), deflater)) {
        body.write(data);
      } finally {
        deflater.end();
      }
      ByteBuffer trailer =
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      trailer.putInt((int) crc.getValue()).putInt(data.length);
      out.write(trailer.array());
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
