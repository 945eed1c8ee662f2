package io.edgeinfer.model;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Owns the catalog and the variant in service, and hands out leases to run requests on it.
 *
 * <p>Guarantee: a variant is published as active only after it has loaded and warmed up, and the previous one
 * keeps serving until that moment. A failed load leaves the active variant unchanged. Thread-safe.
 */
@ApplicationScoped
public class ModelManager {

    private static final Logger LOG = Logger.getLogger(ModelManager.class);

    /** Runs after the embedded broker starts and before the messaging channels connect (priority 1000). */
    static final int STARTUP_PRIORITY = 900;

    private final ModelConfig config;
    private final MeterRegistry registry;
    private final ModelLoader loader;
    private final AtomicReference<ModelCatalog> catalog = new AtomicReference<>();
    private final AtomicReference<LoadedModel> active = new AtomicReference<>();
    private final AtomicReference<LoadFailure> lastFailure = new AtomicReference<>();
    private final InPlaceSwitch inPlace;
    /**
     * The {@code edgeinfer.model.active} gauge of each variant seen. Each is registered once, and removed when this
     * bean is destroyed, because Quarkus tests restart the application in one JVM and a registry shared between
     * the runs would otherwise keep reading this instance.
     */
    private final Map<VariantId, Gauge> gauges = new ConcurrentHashMap<>();

    public ModelManager(ModelConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.loader = new ModelLoader(config.verifyChecksums(), config.warmupRuns());
        this.inPlace = new InPlaceSwitch(config, active, this::load, this::recordFailure);
    }

    /** A load that failed: which variant, when, and why. */
    public record LoadFailure(VariantId variant, Instant at, String message) {
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        if (!config.loadOnStart()) {
            return;
        }
        ModelCatalog scanned = reloadCatalog();
        VariantId initial = new VariantId(config.name(), config.variant());
        try {
            activate(initial);
        } catch (RuntimeException e) {
            LOG.errorf("Service started without a model: %s", e.getMessage());
        }
        scanned.problems().forEach(p -> LOG.warnf("Skipped %s: %s", p.dir(), p.message()));
    }

    /**
     * Closes the active variant once the container destroys this bean, after the request pool has drained, and
     * removes the gauges this bean registered.
     */
    @PreDestroy
    void closeActive() {
        gauges.values().forEach(registry::remove);
        LoadedModel current = active.getAndSet(null);
        if (current != null) {
            current.retire();
        }
    }

    /** Scans the models root again; the active variant is not affected. */
    public ModelCatalog reloadCatalog() {
        ModelCatalog scanned = ModelCatalog.scan(config.dir());
        catalog.set(scanned);
        for (ModelVariant variant : scanned.variants()) {
            gauges.computeIfAbsent(variant.id(), id -> Gauge.builder("edgeinfer.model.active", this,
                            m -> m.isActive(id) ? 1 : 0)
                    .description("1 for the variant in service, 0 for the others")
                    .tags("model", id.model(), "variant", id.variant())
                    .register(registry));
        }
        LOG.infof("Catalog at %s has %d variants and %d problems", scanned.root().toAbsolutePath(),
                scanned.variants().size(), scanned.problems().size());
        return scanned;
    }

    /** Returns the catalog, scanning the models root first if it has not been scanned yet. */
    public ModelCatalog catalog() {
        ModelCatalog current = catalog.get();
        return current != null ? current : reloadCatalog();
    }

    /** Returns the variant in service, if any. */
    public Optional<LoadedModel> active() {
        return Optional.ofNullable(active.get());
    }

    public Optional<LoadFailure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Returns the model that requests without a model name go to. */
    public String defaultModel() {
        return config.name();
    }

    private boolean isActive(VariantId id) {
        LoadedModel current = active.get();
        return current != null && current.id().equals(id);
    }

    /**
     * Loads a variant off the caller's request path and puts it in service. The previous variant drains and
     * closes. Blocks while loading.
     *
     * <p>When the two variants do not fit in {@code edgeinfer.model.memory-budget-bytes} together, the previous
     * variant drains and closes first, and new requests wait (up to {@code edgeinfer.model.switch-timeout}) until
     * the target is in service. If the target then fails to load, the previous variant is loaded again.
     *
     * @throws UnknownModelException if the catalog has no such variant
     * @throws ModelLoadException or {@link ModelIntegrityException} if the load fails, and the active variant stays
     */
    public synchronized LoadedModel activate(VariantId id) {
        ModelCatalog current = catalog();
        ModelVariant variant = current.find(id).orElseThrow(() -> new UnknownModelException(id.toString(),
                current.variants().stream().map(v -> v.id().toString()).toList()));
        LoadedModel previous = active.get();
        if (previous != null && !fitsTogether(previous.variant(), variant)) {
            return inPlace.activate(variant, previous);
        }

        LoadedModel loaded = load(variant);
        active.set(loaded);
        if (previous != null) {
            previous.retire();
            LOG.infof("Swapped variant %s -> %s; the old variant closes after %d in-flight requests",
                    previous.id(), id, previous.activeLeases());
        } else {
            LOG.infof("Variant %s is in service", id);
        }
        return loaded;
    }

    /** Returns whether two variants fit in the memory budget at once; always true without a budget. */
    public boolean fitsTogether(ModelVariant first, ModelVariant second) {
        if (config.memoryBudgetBytes().isEmpty()) {
            return true;
        }
        return fileBytes(first) + fileBytes(second) <= config.memoryBudgetBytes().getAsLong();
    }

    /** Returns whether a variant fits in the memory budget beside the one in service. */
    public boolean fitsBesideActive(ModelVariant variant) {
        LoadedModel current = active.get();
        return current == null || fitsTogether(current.variant(), variant);
    }

    private static long fileBytes(ModelVariant variant) {
        Measurements measured = variant.manifest().measurements();
        return measured == null ? 0 : measured.fileBytes();
    }

    private LoadedModel load(ModelVariant variant) {
        Timer.Sample sample = Timer.start(registry);
        try {
            LoadedModel loaded = loader.load(variant);
            sample.stop(loadTimer(variant.id(), "success"));
            return loaded;
        } catch (RuntimeException e) {
            sample.stop(loadTimer(variant.id(), "failure"));
            recordFailure(variant.id(), e);
            throw e;
        }
    }

    private void recordFailure(VariantId id, RuntimeException e) {
        lastFailure.set(new LoadFailure(id, Instant.now(), e.getMessage()));
        LOG.errorf(e, "Failed to load variant %s; keeping %s in service", id,
                active().map(m -> m.id().toString()).orElse("no variant"));
    }

    private Timer loadTimer(VariantId id, String outcome) {
        return Timer.builder("edgeinfer.model.load")
                .description("Time to read, verify and warm up a variant")
                .tags("model", id.model(), "variant", id.variant(), "outcome", outcome)
                .register(registry);
    }

    /**
     * Leases the variant in service for one request.
     *
     * @param model the model name, or null for the default model
     * @throws UnknownModelException if the catalog has no such model
     * @throws ModelUnavailableException if the model has no variant in service
     */
    public ModelLease lease(String model) {
        String name = model == null || model.isBlank() ? config.name() : model;
        ModelCatalog current = catalog();
        if (!current.hasModel(name)) {
            throw new UnknownModelException(name, current.modelNames());
        }
        int attempts = 0;
        while (true) {
            LoadedModel candidate = active.get();
            boolean serves = candidate != null && candidate.id().model().equals(name);
            if (serves && candidate.tryAcquire()) {
                return new ModelLease(candidate);
            }
            if (inPlace.isSwitching()) {
                awaitSwitch(name);
                continue;
            }
            // A lost race with a swap that retired the candidate resolves on the next read of the active variant.
            attempts++;
            if (!serves || attempts >= 3) {
                break;
            }
        }
        throw new ModelUnavailableException(unavailableMessage(name));
    }

    private void awaitSwitch(String name) {
        if (!inPlace.awaitSwitch()) {
            throw new ModelUnavailableException("A swap of model \"" + name + "\" did not finish within "
                    + config.switchTimeout() + "; retry later");
        }
    }

    private String unavailableMessage(String name) {
        if (!name.equals(config.name())) {
            return "Model \"" + name + "\" is in the catalog but this service serves \"" + config.name()
                    + "\"; set edgeinfer.model.name to serve it";
        }
        String reason = lastFailure().map(f -> "; the last load of " + f.variant() + " failed: " + f.message())
                .orElse("");
        return "No variant of model \"" + name + "\" is in service" + reason;
    }
}
