/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's one users file, shared by every view: one {@code name:role:hash} line per user (see
 * {@link PasswordHash}), {@code #} comments. Written atomically with mode 0600.
 *
 * <pre>
 * # virtmx users
 * alice:operator:pbkdf2-sha256$210000$kX2…$7Zq…
 * grafana:viewer:pbkdf2-sha256$210000$p0c…$Qm1…
 * </pre>
 */
public final class UsersFile {
  public static final Path DEFAULT = Path.of("/etc/virtmx/users");

  private final Map<String, User> users;

  private UsersFile(Map<String, User> users) {
    this.users = users;
  }

  public static UsersFile empty() {
    return new UsersFile(new LinkedHashMap<>());
  }

  public static UsersFile load(Path file) throws IOException {
    Map<String, User> users = new LinkedHashMap<>();
    int number = 0;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException(file + ":" + number + ": expected 'name:role:hash'");
      }
      users.put(parts[0], new User(parts[0], Role.parse(parts[1]), parts[2]));
    }
    return new UsersFile(users);
  }

  /** Loads the file, or an empty one when it does not exist yet (for {@code user add}). */
  public static UsersFile loadOrEmpty(Path file) throws IOException {
    return Files.exists(file) ? load(file) : empty();
  }

  /** The user's role when the password is right; empty for an unknown user or a wrong password. */
  public Optional<Role> authenticate(String name, char[] password) {
    User user = name == null ? null : users.get(name);
    if (user == null) {
      // the same cost as a real check, so that timing does not tell unknown users from known ones
      PasswordHash.verify(password, PasswordHash.UNMATCHABLE);
      return Optional.empty();
    }
    return PasswordHash.verify(password, user.passwordHash())
        ? Optional.of(user.role())
        : Optional.empty();
  }

  public List<User> users() {
    return List.copyOf(users.values());
  }

  public boolean isEmpty() {
    return users.isEmpty();
  }

  public UsersFile with(String name, Role role, char[] password) {
    Map<String, User> copy = new LinkedHashMap<>(users);
    copy.put(name, new User(name, role, PasswordHash.hash(password)));
    return new UsersFile(copy);
  }

  public UsersFile without(String name) {
    if (!users.containsKey(name)) {
      throw new IllegalArgumentException("no user '" + name + "'");
    }
    Map<String, User> copy = new LinkedHashMap<>(users);
    copy.remove(name);
    return new UsersFile(copy);
  }

  public void save(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "# virtmx users: name:role:hash (roles: viewer, operator). Manage with 'virtmx user add|remove'.");
    users
        .values()
        .forEach(u -> lines.add(u.name() + ":" + u.role().label() + ":" + u.passwordHash()));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        Files.createTempFile(
            dir,
            ".users",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    keepAccess(file, tmp);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A file being replaced keeps its group and mode, so that a users file an administrator made
   * readable to the service's group (the Debian package's 'root:virtmx 0640') stays readable after
   * 'virtmx user add' rewrites it.
   */
  private static void keepAccess(Path file, Path tmp) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
    PosixFileAttributeView view =
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (!attributes.group().equals(view.readAttributes().group())) {
      view.setGroup(attributes.group());
    }
    view.setPermissions(attributes.permissions());
  }
}
