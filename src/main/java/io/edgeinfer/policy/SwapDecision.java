package io.edgeinfer.policy;

/**
 * The variant the policy wants in service, and why.
 *
 * @param target the variant name
 * @param reason why it differs from the active variant
 * @param band the battery band in force, or null for a pinned variant
 */
public record SwapDecision(String target, SwapReason reason, String band) {
}
