package io.edgeinfer.transport.mqtt;

import io.edgeinfer.inference.InputKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the {@code tensors} channel ({@code <prefix>/<device>/tensors/<requestId>}): JSON or raw float32
 * tensors.
 */
@ApplicationScoped
public class TensorChannel {

    private final MqttRequestDispatcher dispatcher;

    public TensorChannel(MqttRequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Queues the tensor and acknowledges it at once; the reply follows on the results or errors topic. */
    @Incoming("tensors")
    public CompletionStage<Void> onTensor(Message<byte[]> message) {
        dispatcher.dispatch(message, InputKind.TENSOR);
        return message.ack();
    }
}
