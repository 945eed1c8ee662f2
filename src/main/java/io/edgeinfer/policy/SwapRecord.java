package io.edgeinfer.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A completed swap, also fired as a CDI event right after the target goes into service.
 *
 * @param from the variant replaced, or null when none was serving
 * @param to the variant now in service
 * @param reason why the policy or an operator chose it
 * @param band the battery band in force, or null for a pin
 * @param at when the target went into service
 * @param loadMillis how long loading and warming up the target took
 */
@RegisterForReflection
public record SwapRecord(String from, String to, SwapReason reason, String band, Instant at, long loadMillis) {
}
