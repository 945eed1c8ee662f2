package io.edgeinfer.transport.rest;

import io.edgeinfer.model.CatalogProblem;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.ModelState;
import io.edgeinfer.model.VariantSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** {@code GET /v1/models} lists the catalog; {@code GET /v1/models/active} shows the variant in service. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelManager models;

    public ModelsResource(ModelManager models) {
        this.models = models;
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
     */
    @RegisterForReflection
    public record ActiveVariant(String model, String variant, ModelState state, Long loadMillis, Integer inFlight,
            String lastFailure) {
    }

    @GET
    public CatalogListing list() {
        ModelCatalog catalog = models.catalog();
        Optional<LoadedModel> active = models.active();
        List<VariantSummary> variants = catalog.variants().stream()
                .map(v -> VariantSummary.of(v, active.map(m -> m.id().equals(v.id())).orElse(false)))
                .toList();
        List<Problem> problems = catalog.problems().stream().map(ModelsResource::problem).toList();
        return new CatalogListing(catalog.root().toString(), variants, problems);
    }

    /** Returns 200 with the variant in service, or 503 with the last load failure when none is serving. */
    @GET
    @Path("/active")
    public Response active() {
        String lastFailure = models.lastFailure().map(f -> f.variant() + ": " + f.message()).orElse(null);
        Optional<LoadedModel> active = models.active();
        if (active.isEmpty()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ActiveVariant(models.defaultModel(), null, null, null, null, lastFailure))
                    .build();
        }
        LoadedModel model = active.get();
        return Response.ok(new ActiveVariant(model.id().model(), model.id().variant(), model.state(),
                model.loadTime().toMillis(), model.activeLeases(), lastFailure)).build();
    }

    private static Problem problem(CatalogProblem problem) {
        return new Problem(problem.dir().toString(), problem.message());
    }
}
