package io.edgeinfer.transport.rest;

import io.edgeinfer.inference.ErrorCode;
import io.edgeinfer.inference.InferenceException;
import io.edgeinfer.inference.InferenceExecutor;
import io.edgeinfer.inference.InferenceRequest;
import io.edgeinfer.inference.InputKind;
import io.edgeinfer.transport.ErrorReply;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code POST /v1/infer}: classifies image bytes, or a JSON tensor when the content type is
 * {@code application/json}, and returns the same JSON as the MQTT results and errors topics.
 */
@Path("/v1/infer")
public class InferResource {

    private final InferenceExecutor executor;

    public InferResource(InferenceExecutor executor) {
        this.executor = executor;
    }

    /**
     * Queues the request on the inference pool and returns the response when it completes.
     *
     * @param model the model to use, or the service's default model when absent
     * @param topK the number of classes to return, or the configured default when absent
     * @param requestId echoed in the reply, or a random UUID when absent
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> infer(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestQuery String model, @RestQuery Integer topK, @RestHeader("X-Request-Id") String requestId) {
        InputKind kind = isJson(contentType) ? InputKind.TENSOR : InputKind.FRAME;
        String id = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        InferenceRequest request = new InferenceRequest(id, kind, body == null ? new byte[0] : body, model, topK);

        return executor.submit(request).handle((result, failure) -> failure == null
                ? Response.ok(result).header("X-Request-Id", id).build()
                : errorResponse(request, failure));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response errorResponse(InferenceRequest request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        InferenceException error = cause instanceof InferenceException inference ? inference
                : new InferenceException(ErrorCode.INTERNAL_ERROR, "The service failed to process the request");
        return Response.status(ErrorStatus.of(error.code()))
                .entity(new ErrorReply(request.requestId(), request.kind(), error.code(), error.getMessage()))
                .type(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", request.requestId())
                .build();
    }
}
