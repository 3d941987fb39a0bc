/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx.cli;

import io.virtmx.view.View;

/**
 * A view the options ask for, with what the agent does when its port is busy: a default port only
 * leaves the view off (with a warning), a port given explicitly stops the agent.
 *
 * @param switchName the view's on/off option, e.g. "metrics" for {@code --[no-]metrics}
 */
record Planned(View view, String switchName, boolean portGiven) {}
