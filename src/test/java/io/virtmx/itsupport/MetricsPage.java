/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.itsupport;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What a scraper finds on the agent's metrics page, as conditions for {@code awaitPage}. */
public final class MetricsPage {
  private MetricsPage() {}

  /** The page has a sample of {@code series} (any labels) with that value ("1" or "1.0"). */
  public static Predicate<String> sample(String series, int value) {
    Pattern p =
        Pattern.compile("(?m)^" + Pattern.quote(series) + "\\{[^}]*} " + value + "(\\.0)?$");
    return body -> p.matcher(body).find();
  }
}
