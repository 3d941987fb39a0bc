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
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The directories an option ({@code --save-dir}, {@code --disk-dir}) allows libvirt, running as
 * root, to read or write files in: a path is accepted only when its real location (no {@code ..},
 * no symbolic link inside a directory or as the file itself) lies strictly inside one of them,
 * e.g. {@code /var/lib/virtmx/save/web1} for {@code --save-dir /var/lib/virtmx/save}, and refused
 * with the reason otherwise. The directories must be safe from other users ({@link #of}).
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
   * option} when one is not an existing directory, or when it or a parent could be changed by
   * someone else than root or the agent's user ({@link #safetyProblem}).
   */
  public static ConfinedPaths of(String option, List<Path> directories) {
    List<Path> real = new ArrayList<>();
    for (Path d : directories) {
      Path r;
      try {
        r = d.toRealPath();
      } catch (IOException e) {
        throw new IllegalArgumentException(option + " " + d + ": no such directory");
      }
      if (!Files.isDirectory(r)) {
        throw new IllegalArgumentException(option + " " + d + ": not a directory");
      }
      String problem = safetyProblem(r);
      if (problem != null) {
        throw new IllegalArgumentException(option + " " + d + ": " + problem);
      }
      real.add(r);
    }
    return new ConfinedPaths(option, real);
  }

  /**
   * Why another user could swap what lies in {@code dir} between our check and libvirt's use, or
   * null: {@code dir} must be owned by root or the agent's user and writable by neither group nor
   * others; so must each parent, except that a root-owned parent with the sticky bit ({@code /tmp})
   * is accepted, since no one else can rename or remove the entries it holds.
   */
  static String safetyProblem(Path dir) {
    String me = System.getProperty("user.name");
    String allowed = me.equals("root") ? "root" : "root or " + me;
    for (Path p = dir; p != null; p = p.getParent()) {
      try {
        PosixFileAttributes a =
            Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = a.owner().getName();
        Set<PosixFilePermission> perms = a.permissions();
        boolean shared =
            perms.contains(PosixFilePermission.GROUP_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (!owner.equals("root") && !owner.equals(me)) {
          return p + " is owned by " + owner + ", not " + allowed;
        }
        if (shared && (p.equals(dir) || !owner.equals("root") || !sticky(p))) {
          return p + " is writable by group or others (" + PosixFilePermissions.toString(perms)
              + "): only " + allowed + " may write there";
        }
      } catch (IOException | UnsupportedOperationException e) {
        return "cannot read the owner and permissions of " + p + ": " + e.getMessage();
      }
    }
    return null;
  }

  private static boolean sticky(Path p) throws IOException {
    Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return mode instanceof Integer m && (m & 01000) != 0;
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
    } catch (SymbolicLink e) {
      return refuse(
          "'" + path + "': " + "/" + e.getMessage() + " is a symbolic link, which is not allowed "
              + "there (name the file itself)");
    } catch (IOException e) {
      return inside(given, false)
          ? refuse((mustExist ? "no such file '" : "no such directory for '") + path + "'")
          : outside(path, given);
    }
    if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      return refuse("'" + path + "' is a directory, not a file");
    }
    return inside(real, false) ? new Check(real, null) : outside(path, real);
  }

  private Check outside(String path, Path real) {
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
      real = realPath(given, false);
    } catch (SymbolicLink e) {
      return refuse("'" + e.getMessage() + "' is a symbolic link, which is not allowed here");
    } catch (IOException e) {
      return refuse("no such directory for '" + path + "'");
    }
    if (Files.exists(real) && !Files.isDirectory(real)) {
      return refuse("'" + path + "' is not a directory");
    }
    if (inside(real, false)) {
      return new Check(real, null);
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

  /**
   * The real location of {@code given}, resolved one component at a time: a symbolic link is
   * followed only above the configured directories (their own real paths were taken at start); a
   * link inside one, or as the final component, is refused, so a link planted there cannot point
   * libvirt elsewhere. {@code mustExist} asks for an existing regular file.
   */
  private Path realPath(Path given, boolean mustExist) throws IOException {
    Path resolved = given.getRoot();
    int last = given.getNameCount() - 1;
    for (int i = 0; i <= last; i++) {
      Path next = resolved.resolve(given.getName(i));
      if (Files.isSymbolicLink(next)) {
        if (i == last || inside(resolved, true)) {
          throw new SymbolicLink(given.subpath(0, i + 1).toString());
        }
        next = next.toRealPath();
      } else if (i < last && !Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("no directory");
      }
      resolved = next;
    }
    if (mustExist && !Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file");
    }
    return resolved;
  }

  /** A symbolic link where none is allowed. */
  private static final class SymbolicLink extends IOException {
    private static final long serialVersionUID = 1L;

    SymbolicLink(String path) {
      super(path);
    }
  }

  private boolean inside(Path real, boolean orEqual) {
    for (Path d : directories) {
      if (real.startsWith(d) && (orEqual || !real.equals(d))) {
        return true;
      }
    }
    return false;
  }

  private static Check refuse(String why) {
    return new Check(null, why);
  }
}
