package io.edgeinfer.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * A swap whose target failed to load; the active variant kept serving.
 *
 * @param variant the target that failed
 * @param reason why it was chosen
 * @param message what failed
 * @param at when it failed
 * @param failures consecutive failed loads of this variant
 * @param retryAt when the policy may choose it again
 */
@RegisterForReflection
public record SwapFailure(String variant, SwapReason reason, String message, Instant at, int failures,
        Instant retryAt) {
}
