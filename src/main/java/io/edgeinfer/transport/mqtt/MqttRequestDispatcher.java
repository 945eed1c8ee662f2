package io.edgeinfer.transport.mqtt;

import io.edgeinfer.inference.ErrorCode;
import io.edgeinfer.inference.InferenceException;
import io.edgeinfer.inference.InferenceExecutor;
import io.edgeinfer.inference.InferenceRequest;
import io.edgeinfer.inference.InferenceService;
import io.edgeinfer.inference.InputKind;
import io.edgeinfer.transport.ErrorReply;
import io.smallrye.reactive.messaging.mqtt.ReceivingMqttMessageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns an incoming MQTT message into a request, queues it, and publishes its result or error to the topic of
 * its request id.
 *
 * <p>Never blocks the caller, which is the MQTT client's event loop: the work runs on the inference pool, and
 * every message gets exactly one reply, even when it cannot be read.
 */
@ApplicationScoped
public class MqttRequestDispatcher {

    /** Request ids are the last topic level; this bounds them so that replies stay readable. */
    static final int MAX_REQUEST_ID_LENGTH = 128;

    private final InferenceExecutor executor;
    private final InferenceService service;
    private final ReplyPublisher publisher;
    private final Topics topics;

    public MqttRequestDispatcher(InferenceExecutor executor, InferenceService service, ReplyPublisher publisher,
            Topics topics) {
        this.executor = executor;
        this.service = service;
        this.publisher = publisher;
        this.topics = topics;
    }

    /** Queues the message as a request of {@code kind} and arranges its reply. */
    public void dispatch(Message<byte[]> message, InputKind kind) {
        String topic = message.getMetadata(ReceivingMqttMessageMetadata.class)
                .map(ReceivingMqttMessageMetadata::getTopic)
                .orElse("");
        String requestId = Topics.requestId(topic);
        byte[] payload = message.getPayload() == null ? new byte[0] : message.getPayload();
        InferenceRequest request = new InferenceRequest(requestId, kind, payload, null, null);

        String problem = requestIdProblem(requestId, topic);
        if (problem != null) {
            InferenceException error = service.reject(request, new InferenceException(ErrorCode.INVALID_REQUEST,
                    problem));
            publishError(request, error);
            return;
        }

        executor.submit(request).whenComplete((result, failure) -> {
            if (failure == null) {
                publisher.publish(topics.result(requestId), result, requestId);
            } else {
                publishError(request, unwrap(failure));
            }
        });
    }

    private static String requestIdProblem(String requestId, String topic) {
        if (requestId.isEmpty()) {
            return "Topic " + topic + " has no request id; publish to .../<kind>/<requestId>";
        }
        if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            return "Request id is " + requestId.length() + " characters, more than " + MAX_REQUEST_ID_LENGTH
                    + "; use a shorter id";
        }
        return null;
    }

    private void publishError(InferenceRequest request, InferenceException error) {
        String requestId = request.requestId().length() > MAX_REQUEST_ID_LENGTH ? "" : request.requestId();
        publisher.publish(topics.error(requestId),
                new ErrorReply(requestId, request.kind(), error.code(), error.getMessage()), requestId);
    }

    private static InferenceException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof InferenceException inference) {
            return inference;
        }
        return new InferenceException(ErrorCode.INTERNAL_ERROR, "The service failed to process the request ("
                + cause.getClass().getSimpleName() + "); the service log has the details", cause);
    }
}
