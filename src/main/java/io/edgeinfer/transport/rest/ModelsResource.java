package io.edgeinfer.transport.rest;

import io.edgeinfer.model.Calibrations;
import io.edgeinfer.model.CatalogProblem;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.ModelState;
import io.edgeinfer.model.VariantSummary;
import io.edgeinfer.policy.PolicyStatus;
import io.edgeinfer.policy.SwapController;
import io.edgeinfer.policy.SwapRecord;
import io.edgeinfer.policy.UnknownVariantException;
import io.edgeinfer.transport.ControlCommand;
import io.edgeinfer.transport.ControlErrorCode;
import io.edgeinfer.transport.ControlErrorCounter;
import io.edgeinfer.transport.ControlErrorReply;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * {@code GET /v1/models} lists the catalog, {@code GET /v1/models/active} shows the variant in service, and
 * {@code PUT /v1/models/active} pins or unpins a variant.
 */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private static final Logger LOG = Logger.getLogger(ModelsResource.class);

    private final ModelManager models;
    private final SwapController controller;
    private final Calibrations calibrations;
    private final ControlErrorCounter errors;

    public ModelsResource(ModelManager models, SwapController controller, Calibrations calibrations,
            ControlErrorCounter errors) {
        this.models = models;
        this.controller = controller;
        this.calibrations = calibrations;
        this.errors = errors;
    }

    /** The catalog listing: usable variants and the folders that were skipped, with the reason. */
    @RegisterForReflection
    public record CatalogListing(String root, List<VariantSummary> variants, List<Problem> problems) {
    }

    /** A skipped folder and why. */
    @RegisterForReflection
    public record Problem(String dir, String message) {
    }

    /**
     * The variant in service for the default model.
     *
     * @param state null when no variant is serving
     * @param loadMillis the time the variant took to load and warm up
     * @param lastFailure the message of the last failed load, if any
     * @param pinned the pinned variant, or null while the policy chooses
     * @param lastSwap the last completed swap with its reason, or null before the first
     * @param calibratedLatency the variant's latency measured on this device, or null before calibration
     */
    @RegisterForReflection
    public record ActiveVariant(String model, String variant, ModelState state, Long loadMillis, Integer inFlight,
            String lastFailure, String pinned, SwapRecord lastSwap, LatencyMeasurement calibratedLatency) {
    }

    @GET
    public CatalogListing list() {
        ModelCatalog catalog = models.catalog();
        Optional<LoadedModel> active = models.active();
        List<VariantSummary> variants = catalog.variants().stream()
                .map(v -> VariantSummary.of(v, active.map(m -> m.id().equals(v.id())).orElse(false),
                        calibrations.of(v.id()).orElse(null)))
                .toList();
        List<Problem> problems = catalog.problems().stream().map(ModelsResource::problem).toList();
        return new CatalogListing(catalog.root().toString(), variants, problems);
    }

    /** Returns 200 with the variant in service, or 503 with the last load failure when none is serving. */
    @GET
    @Path("/active")
    public Response active() {
        String lastFailure = models.lastFailure().map(f -> f.variant() + ": " + f.message()).orElse(null);
        PolicyStatus policy = controller.status();
        Optional<LoadedModel> active = models.active();
        if (active.isEmpty()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ActiveVariant(models.defaultModel(), null, null, null, null, lastFailure,
                            policy.pinned(), policy.lastSwap(), null))
                    .build();
        }
        LoadedModel model = active.get();
        return Response.ok(new ActiveVariant(model.id().model(), model.id().variant(), model.state(),
                model.loadTime().toMillis(), model.activeLeases(), lastFailure, policy.pinned(), policy.lastSwap(),
                calibrations.of(model.id()).orElse(null))).build();
    }

    /**
     * Pins a variant ({@code {"action":"pin","variant":"<name>"}}) or removes the pin ({@code {"action":"unpin"}}),
     * and responds once the swap has been tried: 200 with the variant in service, 400 for an invalid body, 404 for a
     * variant not in the catalog, or 503 when the pinned variant failed to load. After a failed load the previous
     * variant keeps serving and the pin holds, so the load is retried with backoff.
     */
    @PUT
    @Path("/active")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> pin(byte[] body) {
        ControlCommand command;
        try {
            command = ControlCommand.parse(body == null ? new byte[0] : body);
        } catch (ControlCommand.InvalidCommandException e) {
            return CompletableFuture.completedFuture(error(400, ControlErrorCode.INVALID_CONTROL, e.getMessage()));
        }
        if (command.action() == ControlCommand.Action.RELOAD) {
            return CompletableFuture.completedFuture(error(400, ControlErrorCode.INVALID_CONTROL,
                    "PUT /v1/models/active takes pin or unpin; send reload on the MQTT control topic"));
        }
        CompletableFuture<PolicyStatus> done;
        try {
            done = command.action() == ControlCommand.Action.PIN ? controller.pin(command.variant())
                    : controller.unpin();
        } catch (UnknownVariantException e) {
            return CompletableFuture.completedFuture(error(404, ControlErrorCode.UNKNOWN_VARIANT, e.getMessage()));
        }
        return done.thenApply(status -> {
            boolean pinFailed = command.variant() != null
                    && !models.active().map(m -> m.id().variant().equals(command.variant())).orElse(false);
            if (pinFailed) {
                String reason = status.lastFailure() == null ? "it is not in service" : status.lastFailure().message();
                return error(503, ControlErrorCode.SWAP_FAILED, "Pinned variant " + command.variant() + " failed to load (" + reason
                        + "); the previous variant keeps serving and the load is retried while the pin holds");
            }
            return active();
        });
    }

    /** Counts, logs and returns a control error in the JSON shape of the MQTT error replies, with no request id. */
    private Response error(int status, ControlErrorCode code, String message) {
        errors.increment("control", code);
        LOG.warnf("Rejected PUT /v1/models/active as %s (HTTP %d): %s", code, status, message);
        return Response.status(status).entity(new ControlErrorReply("", "control", code, message))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static Problem problem(CatalogProblem problem) {
        return new Problem(problem.dir().toString(), problem.message());
    }
}
