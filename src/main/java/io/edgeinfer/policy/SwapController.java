package io.edgeinfer.policy;

import io.edgeinfer.model.Calibrations;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.VariantId;
import io.edgeinfer.telemetry.BatteryReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the swap policy: every {@code edgeinfer.policy.evaluation-interval} it takes a snapshot, gets a
 * decision from {@link SwapPolicy} and carries it out through {@link ModelManager#activate}.
 *
 * <p>Everything runs on one thread of its own, so evaluations, swaps, pins and catalog scans never overlap. The
 * request path waits for a load only when the memory budget cannot hold two variants and the old one closes
 * first. A failed load keeps the active variant, is logged and counted, and the
 * variant is left out of the candidates until its retry backoff passes. Each swap is fired as a {@link SwapRecord}
 * event.
 */
@ApplicationScoped
public class SwapController {

    private static final Logger LOG = Logger.getLogger(SwapController.class);

    private final ModelManager models;
    private final ModelConfig modelConfig;
    private final Calibrations calibrations;
    private final PolicyInputs inputs;
    private final PolicyConfig config;
    private final PolicySettings settings;
    private final MeterRegistry registry;
    private final Event<SwapRecord> swapEvents;
    private final RetryBackoff backoff;
    private final CatalogWatch catalogWatch;
    private ScheduledExecutorService thread;

    private volatile String pinned;
    private volatile String band;
    private volatile String activeBand;
    private volatile Instant activeSince = Instant.now();
    private volatile SwapRecord lastSwap;
    private volatile SwapFailure lastFailure;

    public SwapController(ModelManager models, ModelConfig modelConfig, Calibrations calibrations,
            PolicyInputs inputs, PolicyConfig config, MeterRegistry registry, Event<SwapRecord> swapEvents) {
        this.models = models;
        this.modelConfig = modelConfig;
        this.calibrations = calibrations;
        this.inputs = inputs;
        this.config = config;
        this.settings = config.toSettings();
        this.registry = registry;
        this.swapEvents = swapEvents;
        this.backoff = new RetryBackoff(config.retryInitialBackoff(), config.retryMaxBackoff());
        this.catalogWatch = new CatalogWatch(models, calibrations, settings, config.catalogScanInterval());
    }

    void onStart(@Observes StartupEvent event) {
        if (!modelConfig.loadOnStart()) {
            LOG.debug("Swap policy off: this command serves no model");
            return;
        }
        if (models.active().isEmpty() && models.catalog().variants().isEmpty()) {
            LOG.warn("Swap policy has no variants to choose from; it starts anyway and picks up the catalog later");
        }
        activeSince = Instant.now();
        catalogWatch.warnAbsentNames();
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread policy = new Thread(task, "edgeinfer-policy");
            policy.setDaemon(true);
            return policy;
        });
        long periodMillis = Math.max(10, config.evaluationInterval().toMillis());
        thread.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        LOG.infof("Swap policy %s: SLO p%s <= %s, dwell %s, bands %s, charging band %s",
                config.enabled() ? "on" : "off (pins only)", config.slo().percentile(), config.slo().threshold(),
                config.minDwell(), settings.bands().stream().map(BatteryBand::name).toList(),
                config.chargingBand().orElse("none"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /**
     * Pins a variant: it goes into service now and stays until {@link #unpin()}, whatever the telemetry reports.
     *
     * @throws UnknownVariantException at once if the catalog has no such variant
     * @return completes after the swap was tried, with the status then; a failed load shows in
     *     {@link PolicyStatus#lastFailure()} and is retried with backoff while the pin is in place
     */
    public CompletableFuture<PolicyStatus> pin(String variant) {
        List<String> known = inputs.variants().stream().map(VariantStats::variant).toList();
        if (!known.contains(variant)) {
            throw new UnknownVariantException(variant, models.defaultModel(), known);
        }
        return run(() -> {
            pinned = variant;
            backoff.clear(variant);
            LOG.infof("Pinned variant %s", variant);
            evaluate();
        });
    }

    /** Removes the pin, so that the policy chooses again; completes after one evaluation. */
    public CompletableFuture<PolicyStatus> unpin() {
        return run(() -> {
            if (pinned != null) {
                LOG.infof("Unpinned variant %s", pinned);
            }
            pinned = null;
            evaluate();
        });
    }

    /** Scans the models folder now and calibrates added or changed variants; completes after one evaluation. */
    public CompletableFuture<PolicyStatus> reloadCatalog() {
        return run(() -> {
            List<String> changed = catalogWatch.scan(Instant.now(), true);
            changed.forEach(backoff::clear);
            LOG.infof("Reloaded the catalog on request: %d variants of %s, %d added or changed %s",
                    models.catalog().variantsOf(models.defaultModel()).size(), models.defaultModel(), changed.size(),
                    changed);
            evaluate();
        });
    }

    public PolicyStatus status() {
        return new PolicyStatus(config.enabled(), pinned, band, lastSwap, lastFailure);
    }

    private CompletableFuture<PolicyStatus> run(Runnable action) {
        if (thread == null) {
            throw new IllegalStateException("The swap policy runs only in a service that loads a model"
                    + " (edgeinfer.model.load-on-start=true)");
        }
        return CompletableFuture.supplyAsync(() -> {
            action.run();
            return status();
        }, thread);
    }

    private void tick() {
        try {
            catalogWatch.scan(Instant.now(), false).forEach(backoff::clear);
            evaluate();
        } catch (RuntimeException e) {
            if (!thread.isShutdown()) {
                LOG.errorf(e, "Swap policy evaluation failed; trying again in %s", config.evaluationInterval());
            }
        }
    }

    private void evaluate() {
        Instant now = Instant.now();
        PolicySnapshot snapshot = snapshot(now);
        band = BandSelector.select(settings, snapshot.batteryLevel(), snapshot.charging(), band).name();
        if (!config.enabled() && pinned == null) {
            return;
        }
        Optional<SwapDecision> decision = SwapPolicy.decide(settings, snapshot);
        if (decision.isPresent()) {
            swap(decision.get(), snapshot.active());
        } else {
            activeBand = SwapPolicy.heldBand(settings, snapshot, decision);
        }
    }

    private PolicySnapshot snapshot(Instant now) {
        Optional<BatteryReading> battery = inputs.battery();
        List<VariantStats> candidates = inputs.variants().stream()
                .filter(v -> !backoff.isWaiting(v.variant(), now))
                .toList();
        String active = models.active().map(m -> m.id().variant()).orElse(null);
        return new PolicySnapshot(now, active, activeSince, activeBand, band, pinned,
                battery.map(BatteryReading::level).orElse(null), battery.map(BatteryReading::charging).orElse(false),
                inputs.latencyMillis(config.slo().percentile()), inputs.endToEnd().count(), inputs.queueDepth(),
                candidates);
    }

    private void swap(SwapDecision decision, String from) {
        VariantId target = new VariantId(models.defaultModel(), decision.target());
        if (backoff.failures(decision.target()) > 0) {
            LOG.infof("Retrying variant %s after %d failed loads", target, backoff.failures(decision.target()));
        }
        LOG.debugf("Swapping variant %s -> %s (reason %s, band %s)", from, decision.target(),
                decision.reason().tag(), decision.band());
        LoadedModel loaded;
        try {
            loaded = models.activate(target);
        } catch (RuntimeException e) {
            recordFailure(decision, e);
            return;
        }
        backoff.clear(decision.target());
        inputs.resetLatency();
        activeSince = Instant.now();
        activeBand = decision.band();
        SwapRecord record = new SwapRecord(from, decision.target(), decision.reason(), decision.band(), activeSince,
                loaded.loadTime().toMillis());
        lastSwap = record;
        Counter.builder("edgeinfer.swaps")
                .description("Completed swaps by the variant replaced, the variant now serving and the reason")
                .tags("from", from == null ? "none" : from, "to", decision.target(), "reason", decision.reason().tag())
                .register(registry)
                .increment();
        String bandNote = decision.band() == null ? "" : ", band " + decision.band();
        LOG.infof("Swap %s -> %s done (reason %s%s); loading and warming up took %d ms", from, decision.target(),
                decision.reason().tag(), bandNote, record.loadMillis());
        swapEvents.fire(record);
    }

    private void recordFailure(SwapDecision decision, RuntimeException e) {
        Instant now = Instant.now();
        int failures = backoff.fail(decision.target(), now);
        lastFailure = new SwapFailure(decision.target(), decision.reason(), e.getMessage(), now, failures,
                backoff.retryAt(decision.target()));
        Counter.builder("edgeinfer.swap.failures")
                .description("Swaps whose target failed to load, by target and reason; the active variant stayed")
                .tags("to", decision.target(), "reason", decision.reason().tag())
                .register(registry)
                .increment();
        LOG.warnf("Swap to variant %s failed (%d in a row); keeping %s and retrying after %s: %s",
                decision.target(), failures, models.active().map(m -> m.id().variant()).orElse("no variant"),
                backoff.retryAt(decision.target()), e.getMessage());
    }
}
