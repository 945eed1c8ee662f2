package io.edgeinfer.transport.mqtt;

import io.edgeinfer.transport.ControlErrorCode;
import io.edgeinfer.transport.ControlErrorCounter;
import io.edgeinfer.transport.ControlErrorReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Reports a bad control or telemetry message: publishes an error reply to {@code <prefix>/<device>/errors/<kind>-<n>},
 * counts it in {@code edgeinfer.control.errors} by kind and code, and logs it at WARN. Never throws.
 */
@ApplicationScoped
public class ControlErrors {

    private static final Logger LOG = Logger.getLogger(ControlErrors.class);

    /** The message kinds that get these replies. */
    public enum Kind {
        CONTROL, TELEMETRY;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ReplyPublisher publisher;
    private final Topics topics;
    private final ControlErrorCounter counter;
    private final AtomicLong sequence = new AtomicLong();

    public ControlErrors(ReplyPublisher publisher, Topics topics, ControlErrorCounter counter) {
        this.publisher = publisher;
        this.topics = topics;
        this.counter = counter;
    }

    /** Publishes, counts and logs one error; returns the request id of the reply. */
    public String report(Kind kind, String topic, ControlErrorCode code, String message) {
        String requestId = kind.tag() + "-" + sequence.incrementAndGet();
        counter.increment(kind.tag(), code);
        LOG.warnf("Rejected %s message on %s as %s (reply %s): %s", kind.tag(), topic, code, requestId, message);
        publisher.publish(topics.error(requestId), new ControlErrorReply(requestId, kind.tag(), code, message),
                requestId);
        return requestId;
    }
}
