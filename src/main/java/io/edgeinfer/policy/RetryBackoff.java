package io.edgeinfer.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Exponential backoff per variant after failed loads: the first retry waits {@code initial}, and each further
 * failure doubles the wait up to {@code max}. Not thread-safe; the policy thread owns it.
 */
final class RetryBackoff {

    private record Entry(int failures, Instant retryAt) {
    }

    private final Duration initial;
    private final Duration max;
    private final Map<String, Entry> entries = new HashMap<>();

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** Records a failed load and returns the consecutive failures so far. */
    int fail(String variant, Instant now) {
        int failures = entries.containsKey(variant) ? entries.get(variant).failures() + 1 : 1;
        Duration wait = initial.multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        entries.put(variant, new Entry(failures, now.plus(wait)));
        return failures;
    }

    /** Returns when the variant may be tried again, or {@link Instant#MIN} when it has not failed. */
    Instant retryAt(String variant) {
        Entry entry = entries.get(variant);
        return entry == null ? Instant.MIN : entry.retryAt();
    }

    int failures(String variant) {
        Entry entry = entries.get(variant);
        return entry == null ? 0 : entry.failures();
    }

    boolean isWaiting(String variant, Instant now) {
        return retryAt(variant).isAfter(now);
    }

    /** Forgets a variant's failures, after it loads or after its files change. */
    void clear(String variant) {
        entries.remove(variant);
    }
}
