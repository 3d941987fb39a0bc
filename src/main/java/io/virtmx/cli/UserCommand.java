/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.security.Role;
import io.virtmx.security.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code virtmx user add|remove}: manages the users file every view authenticates against. */
@Command(
    name = "user",
    description = "Manage the users file shared by every view (JMX, Jolokia, metrics, CIM).",
    subcommands = {UserCommand.Add.class, UserCommand.Remove.class},
    mixinStandardHelpOptions = true)
final class UserCommand {

  /** Options both subcommands take. */
  static class FileOption {
    @Option(
        names = "--users",
        paramLabel = "FILE",
        defaultValue = "/etc/virtmx/users",
        description = "Users file (default: ${DEFAULT-VALUE}); created with mode 0600 if missing.")
    Path file;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user or change its role and password.",
        "The password is read from standard input (prompted twice on a terminal), never from the command line."
      })
  static final class Add implements Callable<Integer> {
    @Parameters(
        paramLabel = "NAME",
        description = "User name: letters, digits, '.', '_', '@', '-'.")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "viewer|operator",
        description = "viewer: read only; operator: may also run operations.")
    String role;

    @picocli.CommandLine.Mixin FileOption users = new FileOption();

    @Override
    public Integer call() throws IOException {
      Role r = Role.parse(role);
      char[] password = readPassword();
      try {
        if (password.length < 8) {
          System.err.println("virtmx: password must have at least 8 characters");
          return 2;
        }
        UsersFile.loadOrEmpty(users.file).with(name, r, password).save(users.file);
        System.out.println("user '" + name + "' (" + r.label() + ") saved in " + users.file);
        return 0;
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
  static final class Remove implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @picocli.CommandLine.Mixin FileOption users = new FileOption();

    @Override
    public Integer call() throws IOException {
      UsersFile.load(users.file).without(name).save(users.file);
      System.out.println("user '" + name + "' removed from " + users.file);
      return 0;
    }
  }

  static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, again)) {
        throw new IllegalArgumentException("passwords do not match");
      }
      return first;
    }
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line.toCharArray();
  }
}
