package io.virtmx.security;

import java.security.Principal;

/**
 * An authenticated client of a view, as a {@link Principal} in the {@code Subject} the view runs
 * its calls under: a user of the users file with its role, or the anonymous loopback viewer. {@code
 * via} names the view ("jmx").
 */
public record RolePrincipal(String name, Role role, String via, boolean anonymous)
    implements Principal {
  @Override
  public String getName() {
    return name;
  }
}
