package io.virtmx.view.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Device names that can serve as a label without two devices of one domain sharing a series: the
 * target device when it is set and not taken, else the MAC address (or other fallback), else {@code
 * #<position>}.
 *
 * <p>Example: two interfaces without target device and without MAC become {@code "#0"} and {@code
 * "#1"}.
 */
final class UniqueNames {
  private UniqueNames() {}

  static List<String> of(List<String> preferred, List<String> fallback) {
    List<String> out = new ArrayList<>(preferred.size());
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < preferred.size(); i++) {
      String name = preferred.get(i);
      if (name == null || name.isEmpty() || taken.contains(name)) {
        name = fallback.get(i);
      }
      if (name == null || name.isEmpty() || taken.contains(name)) {
        name = "#" + i;
      }
      while (!taken.add(name)) {
        name = name + "'";
      }
      out.add(name);
    }
    return out;
  }
}
