package io.virtmx.security;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The agent's one rule for who may talk to a view, shared by JMX, Jolokia, metrics and CIM: with a
 * users file every remote client authenticates against it; without one, views may only listen on
 * loopback and anonymous clients there are viewers. A view refuses to start on a non-loopback
 * address without a users file.
 */
public final class Authenticator {
  private final UsersFile users;

  private Authenticator(UsersFile users) {
    this.users = users;
  }

  /**
   * The users file named by {@code --users}, or the default {@code /etc/virtmx/users} when it
   * exists; without either, no authentication (loopback only).
   */
  public static Authenticator fromOption(Path usersOption) throws IOException {
    if (usersOption != null) {
      if (!Files.isReadable(usersOption)) {
        throw new IllegalArgumentException(
            "users file "
                + usersOption
                + " does not exist or is not readable "
                + "(create it with 'virtmx user add NAME --role operator --users "
                + usersOption
                + "')");
      }
      return new Authenticator(UsersFile.load(usersOption));
    }
    if (Files.isReadable(UsersFile.DEFAULT)) {
      return new Authenticator(UsersFile.load(UsersFile.DEFAULT));
    }
    return new Authenticator(null);
  }

  public static Authenticator of(UsersFile users) {
    return new Authenticator(users);
  }

  public static Authenticator none() {
    return new Authenticator(null);
  }

  /** Whether every client must authenticate (a users file is configured). */
  public boolean required() {
    return users != null;
  }

  /**
   * The role of a user whose password is right; empty otherwise (or when no users file is
   * configured).
   */
  public Optional<Role> authenticate(String name, char[] password) {
    return users == null || name == null || password == null
        ? Optional.empty()
        : users.authenticate(name, password);
  }

  /**
   * Checks that a view may listen on {@code bind}: a non-loopback address needs authentication.
   *
   * @param view the view's option prefix for the message, e.g. "--jmx-bind"
   */
  public void checkBind(String view, InetAddress bind) {
    if (!required() && !bind.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          view
              + " "
              + bind.getHostAddress()
              + " is not a loopback address: "
              + "listening there requires authentication (--users FILE)");
    }
  }
}
