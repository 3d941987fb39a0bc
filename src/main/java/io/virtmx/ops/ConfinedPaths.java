/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The directories an option ({@code --save-dir}, {@code --disk-dir}) allows libvirt, running as
 * root, to read or write files in: a path is accepted only when its real location (symbolic links
 * resolved, no {@code ..}) lies strictly inside one of them, e.g. {@code /var/lib/virtmx/save/web1}
 * for {@code --save-dir /var/lib/virtmx/save}, and refused with the reason otherwise.
 */
public final class ConfinedPaths {
  /** The answer for one path: the real path to give libvirt, or why it is refused. */
  record Check(Path path, String refusal) {
    boolean allowed() {
      return refusal == null;
    }
  }

  private final String option;
  private final List<Path> directories;

  private ConfinedPaths(String option, List<Path> directories) {
    this.option = option;
    this.directories = List.copyOf(directories);
  }

  /** No directory: every path refused. */
  public static ConfinedPaths none(String option) {
    return new ConfinedPaths(option, List.of());
  }

  /**
   * The real paths of {@code directories}; throws {@link IllegalArgumentException} naming {@code
   * option} when one is not an existing directory.
   */
  public static ConfinedPaths of(String option, List<Path> directories) {
    List<Path> real = new ArrayList<>();
    for (Path d : directories) {
      try {
        Path r = d.toRealPath();
        if (!Files.isDirectory(r)) {
          throw new IllegalArgumentException(option + " " + d + ": not a directory");
        }
        real.add(r);
      } catch (IOException e) {
        throw new IllegalArgumentException(option + " " + d + ": no such directory");
      }
    }
    return new ConfinedPaths(option, real);
  }

  public List<Path> directories() {
    return directories;
  }

  String option() {
    return option;
  }

  /**
   * Checks {@code path}: absolute, without {@code ..}, its real location (of the file when it
   * exists, else of its directory) inside a directory; {@code mustExist} also asks for an existing
   * regular file.
   */
  Check check(String path, boolean mustExist) {
    if (directories.isEmpty()) {
      return refuse("no " + option + " is configured: files are not allowed for this operation");
    }
    if (path == null || path.isBlank()) {
      return refuse("the file path is empty");
    }
    Path given;
    try {
      given = Path.of(path);
    } catch (InvalidPathException e) {
      return refuse("invalid file path '" + path + "'");
    }
    if (!given.isAbsolute()) {
      return refuse("the file path '" + path + "' must be absolute");
    }
    for (Path part : given) {
      if (part.toString().equals("..") || part.toString().equals(".")) {
        return refuse("the file path '" + path + "' must not contain '..' or '.'");
      }
    }
    Path real;
    try {
      real = realPath(given, mustExist);
    } catch (IOException e) {
      return refuse((mustExist ? "no such file '" : "no such directory for '") + path + "'");
    }
    if (Files.isDirectory(real)) {
      return refuse("'" + path + "' is a directory, not a file");
    }
    for (Path d : directories) {
      if (real.startsWith(d) && !real.equals(d)) {
        return new Check(real, null);
      }
    }
    return refuse(
        "'"
            + path
            + "'"
            + (real.toString().equals(path) ? "" : " (really " + real + ")")
            + " is outside every "
            + option
            + " ("
            + directories.stream().map(Path::toString).collect(Collectors.joining(", "))
            + ")");
  }

  /**
   * Checks a directory {@code path} (existing, or to be made in an existing directory): absolute,
   * without {@code ..}, its real location strictly inside a directory.
   */
  Check checkDirectory(String path) {
    if (directories.isEmpty()) {
      return refuse("no " + option + " is configured: directories are not allowed for this operation");
    }
    Path given;
    try {
      given = Path.of(path == null ? "" : path);
    } catch (InvalidPathException e) {
      return refuse("invalid directory path '" + path + "'");
    }
    if (!given.isAbsolute() || given.getParent() == null) {
      return refuse("the directory path '" + path + "' must be absolute, below " + option);
    }
    for (Path part : given) {
      if (part.toString().equals("..") || part.toString().equals(".")) {
        return refuse("the directory path '" + path + "' must not contain '..' or '.'");
      }
    }
    Path real;
    try {
      real =
          Files.exists(given)
              ? given.toRealPath()
              : given.getParent().toRealPath().resolve(given.getFileName());
    } catch (IOException e) {
      return refuse("no such directory for '" + path + "'");
    }
    if (Files.exists(real) && !Files.isDirectory(real)) {
      return refuse("'" + path + "' is not a directory");
    }
    for (Path d : directories) {
      if (real.startsWith(d) && !real.equals(d)) {
        return new Check(real, null);
      }
    }
    return refuse(
        "'"
            + path
            + "' is outside every "
            + option
            + " ("
            + directories.stream().map(Path::toString).collect(Collectors.joining(", "))
            + ")");
  }

  private static Path realPath(Path given, boolean mustExist) throws IOException {
    if (mustExist || Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
      Path real = given.toRealPath();
      if (mustExist && !Files.isRegularFile(real)) {
        throw new IOException("not a regular file");
      }
      return real;
    }
    Path parent = given.getParent();
    if (parent == null) {
      throw new IOException("no directory");
    }
    return parent.toRealPath().resolve(given.getFileName());
  }

  private static Check refuse(String why) {
    return new Check(null, why);
  }
}
