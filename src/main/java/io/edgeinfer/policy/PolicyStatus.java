package io.edgeinfer.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The policy's state for the status topic and REST.
 *
 * @param enabled whether the policy swaps on its own
 * @param pinned the pinned variant, or null
 * @param band the battery band of the last evaluation, or null before the first
 * @param lastSwap the last completed swap, or null before the first
 * @param lastFailure the last failed swap, or null if none failed
 */
@RegisterForReflection
public record PolicyStatus(boolean enabled, String pinned, String band, SwapRecord lastSwap, SwapFailure lastFailure) {
}
