/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.view.cim;

/** Takes the indications producers make (domain events now; RASD and job changes later). */
interface IndicationSink {
  /** Called on the producer's thread: must return at once, never blocking on a listener. */
  void publish(Indication indication);
}
