package io.edgeinfer.transport.mqtt;

import io.edgeinfer.policy.PolicyStatus;
import io.edgeinfer.policy.SwapController;
import io.edgeinfer.policy.UnknownVariantException;
import io.edgeinfer.transport.ControlCommand;
import io.edgeinfer.transport.ControlErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the {@code control} channel ({@code <prefix>/<device>/control}): pin or unpin a variant, or reload the
 * catalog. The command runs on the policy thread, so the event loop never waits for a load. A bad command, an
 * unknown variant or a pin whose load fails gets an error reply on {@code errors/control-<n>}.
 */
@ApplicationScoped
public class ControlChannel {

    private final SwapController controller;
    private final ControlErrors errors;

    public ControlChannel(SwapController controller, ControlErrors errors) {
        this.controller = controller;
        this.errors = errors;
    }

    @Incoming("control")
    public CompletionStage<Void> onControl(Message<byte[]> message) {
        String topic = Topics.topicOf(message, "control");
        byte[] payload = message.getPayload() == null ? new byte[0] : message.getPayload();
        try {
            ControlCommand command = ControlCommand.parse(payload);
            CompletableFuture<PolicyStatus> done = switch (command.action()) {
                case PIN -> controller.pin(command.variant());
                case UNPIN -> controller.unpin();
                case RELOAD -> controller.reloadCatalog();
            };
            if (command.action() == ControlCommand.Action.PIN) {
                done.thenAccept(status -> reportFailedPin(topic, command.variant(), status));
            }
        } catch (ControlCommand.InvalidCommandException e) {
            errors.report(ControlErrors.Kind.CONTROL, topic, ControlErrorCode.INVALID_CONTROL, e.getMessage());
        } catch (UnknownVariantException e) {
            errors.report(ControlErrors.Kind.CONTROL, topic, ControlErrorCode.UNKNOWN_VARIANT, e.getMessage());
        }
        return message.ack();
    }

    private void reportFailedPin(String topic, String variant, PolicyStatus status) {
        if (status.lastFailure() != null && status.lastFailure().variant().equals(variant)
                && (status.lastSwap() == null || status.lastFailure().at().isAfter(status.lastSwap().at()))) {
            errors.report(ControlErrors.Kind.CONTROL, topic, ControlErrorCode.SWAP_FAILED, "Pinned variant " + variant
                    + " failed to load (" + status.lastFailure().message() + "); the active variant keeps serving"
                    + " and the load is retried at " + status.lastFailure().retryAt() + " while the pin holds");
        }
    }
}
