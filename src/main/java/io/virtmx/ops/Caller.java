package io.virtmx.ops;

import io.virtmx.security.Role;

/**
 * Who asks for an operation, as the view authenticated them: a user of the users file with its
 * role, or the trusted local attach (same OS user, as the JDK's own local JMX agent trusts it), or
 * an anonymous loopback viewer.
 */
public record Caller(String name, Role role, String via) {
  public static Caller localTrusted(String via) {
    return new Caller("local", Role.OPERATOR, via);
  }

  public static Caller anonymousViewer(String via) {
    return new Caller("anonymous", Role.VIEWER, via);
  }

  @Override
  public String toString() {
    return name + " (" + role.label() + ", " + via + ")";
  }
}
