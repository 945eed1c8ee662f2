package io.edgeinfer.transport.mqtt;

import io.edgeinfer.inference.InputKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Consumes the {@code frames} channel ({@code <prefix>/<device>/frames/<requestId>}): encoded images. */
@ApplicationScoped
public class FrameChannel {

    private final MqttRequestDispatcher dispatcher;

    public FrameChannel(MqttRequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Queues the frame and acknowledges it at once; the reply follows on the results or errors topic. */
    @Incoming("frames")
    public CompletionStage<Void> onFrame(Message<byte[]> message) {
        dispatcher.dispatch(message, InputKind.FRAME);
        return message.ack();
    }
}
