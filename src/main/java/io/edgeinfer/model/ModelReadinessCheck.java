package io.edgeinfer.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a variant of the default model is serving; otherwise down, with the last load failure. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ModelManager models;

    public ModelReadinessCheck(ModelManager models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("model");
        Optional<LoadedModel> active = models.active();
        if (active.isPresent()) {
            return response.up()
                    .withData("model", active.get().id().model())
                    .withData("variant", active.get().id().variant())
                    .withData("state", active.get().state().name())
                    .build();
        }
        response.down().withData("model", models.defaultModel());
        models.lastFailure().ifPresent(f -> response.withData("lastFailure", f.variant() + ": " + f.message()));
        return response.build();
    }
}
