package io.edgeinfer.inference;

import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Logs rejected requests at WARN, at most {@value #PER_MINUTE} lines per error code per minute, so that a
 * client that keeps sending bad input cannot flood the log. The number of lines left out is logged with the
 * next line that gets through. Thread-safe.
 */
final class RateLimitedLog {

    static final int PER_MINUTE = 20;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Logger log;
    private final Map<ErrorCode, Window> windows = new EnumMap<>(ErrorCode.class);

    RateLimitedLog(Logger log) {
        this.log = log;
    }

    private static final class Window {
        long startNanos;
        int logged;
        int suppressed;
    }

    /** Logs one rejected request, unless this code's budget for the minute is spent. */
    void rejected(ErrorCode code, String requestId, String message) {
        int suppressedBefore;
        synchronized (windows) {
            Window window = windows.computeIfAbsent(code, c -> new Window());
            long now = System.nanoTime();
            if (now - window.startNanos > MINUTE_NANOS) {
                window.startNanos = now;
                window.logged = 0;
            }
            if (window.logged >= PER_MINUTE) {
                window.suppressed++;
                log.debugf("Rejected request %s with %s: %s", requestId, code, message);
                return;
            }
            window.logged++;
            suppressedBefore = window.suppressed;
            window.suppressed = 0;
        }
        if (suppressedBefore > 0) {
            log.warnf("Rejected request %s with %s: %s (%d similar lines left out)", requestId, code, message,
                    suppressedBefore);
        } else {
            log.warnf("Rejected request %s with %s: %s", requestId, code, message);
        }
    }
}
