package io.edgeinfer.inference;

import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ModelLease;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.ModelUnavailableException;
import io.edgeinfer.model.UnknownModelException;
import io.edgeinfer.telemetry.LatencyStage;
import io.edgeinfer.telemetry.LatencyTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs one request: check the payload, lease the model in service, translate the input, call the model, and
 * keep the top-k classes.
 *
 * <p>Every request ends in exactly one result or one {@link InferenceException}, and each is counted. The call
 * blocks for the length of the model call, so callers run it on a worker thread. Thread-safe.
 */
@ApplicationScoped
public class InferenceService {

    private static final Logger LOG = Logger.getLogger(InferenceService.class);

    private final ModelManager models;
    private final InferenceConfig config;
    private final RequestMetrics metrics;
    private final LatencyTelemetry latency;
    private final FrameTranslator frames;
    private final TensorTranslator tensors = new TensorTranslator();
    private final RateLimitedLog rejections = new RateLimitedLog(LOG);

    public InferenceService(ModelManager models, InferenceConfig config, RequestMetrics metrics,
            LatencyTelemetry latency) {
        this.models = models;
        this.config = config;
        this.metrics = metrics;
        this.latency = latency;
        this.frames = new FrameTranslator(new ImageDecoder(config.maxImagePixels()));
    }

    /**
     * Classifies one input.
     *
     * @throws InferenceException with the code and message for the error reply, already counted and logged
     */
    public InferenceResult infer(InferenceRequest request) {
        try {
            InferenceResult result = run(request);
            metrics.countSuccess(request.kind());
            LOG.debugf("Request %s: %s", request.requestId(), result.predictions().get(0).label());
            return result;
        } catch (InferenceException e) {
            throw reject(request, e);
        } catch (UnknownModelException e) {
            throw reject(request, new InferenceException(ErrorCode.UNKNOWN_MODEL, e.getMessage(), e));
        } catch (ModelUnavailableException e) {
            throw reject(request, new InferenceException(ErrorCode.MODEL_UNAVAILABLE, e.getMessage(), e));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Request %s failed inside the service", request.requestId());
            throw reject(request, new InferenceException(ErrorCode.INTERNAL_ERROR,
                    "The service failed to process the request (" + e.getClass().getSimpleName()
                            + "); the service log has the details", e));
        }
    }

    /**
     * Counts and logs a request that gets an error reply, and returns the exception to throw. Callers that reject
     * a request before it reaches {@link #infer}, such as a full queue, use this too.
     */
    public InferenceException reject(InferenceRequest request, InferenceException error) {
        metrics.countError(request.kind(), error.code());
        if (error.code() != ErrorCode.INTERNAL_ERROR) {
            rejections.rejected(error.code(), request.requestId(), error.getMessage());
        }
        return error;
    }

    private InferenceResult run(InferenceRequest request) {
        long start = System.nanoTime();
        checkPayload(request.payload());
        int k = topK(request.topK());

        try (ModelLease lease = models.lease(request.model())) {
            LoadedModel model = lease.model();
            ModelManifest manifest = model.manifest();
            float[] input = translate(request, manifest);
            long translated = System.nanoTime();
            metrics.recordPreprocess(request.kind(), translated - start);

            float[] scores = call(model, input);
            long called = System.nanoTime();

            List<Prediction> predictions = TopK.of(scores, manifest.labels(), k, manifest.signature().outputKind());
            long end = System.nanoTime();
            InferenceResult.Latency latency = new InferenceResult.Latency(millis(translated - start),
                    millis(called - translated), millis(end - start));
            return new InferenceResult(request.requestId(), model.id().model(), model.id().variant(), predictions,
                    latency);
        }
    }

    private void checkPayload(byte[] payload) {
        if (payload.length > config.maxPayloadBytes()) {
            throw new InferenceException(ErrorCode.PAYLOAD_TOO_LARGE, "Payload is " + payload.length
                    + " bytes, more than the limit of " + config.maxPayloadBytes()
                    + " bytes; send a smaller image or raise edgeinfer.inference.max-payload-bytes");
        }
    }

    private int topK(Integer requested) {
        if (requested == null) {
            return config.topK();
        }
        if (requested < 1) {
            throw new InferenceException(ErrorCode.INVALID_REQUEST, "topK is " + requested
                    + "; ask for at least 1 class");
        }
        return requested;
    }

    private float[] translate(InferenceRequest request, ModelManifest manifest) {
        return switch (request.kind()) {
            case FRAME -> frames.toInput(request.payload(), manifest.preprocessing());
            case TENSOR -> tensors.toInput(request.payload(), manifest.signature().input());
        };
    }

    private float[] call(LoadedModel model, float[] input) {
        long start = System.nanoTime();
        boolean success = false;
        try {
            float[] scores = model.run(input, 1);
            success = true;
            return scores;
        } finally {
            long nanos = System.nanoTime() - start;
            metrics.recordInference(model.id().model(), model.id().variant(), success, nanos);
            if (success) {
                latency.record(LatencyStage.INFERENCE, nanos);
            }
        }
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
