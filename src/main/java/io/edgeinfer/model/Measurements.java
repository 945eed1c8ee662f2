package io.edgeinfer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Facts measured for a variant when it was made.
 *
 * @param dataset the data set and split the accuracy comes from
 * @param testExamples how many examples the accuracy was computed on
 * @param accuracy top-1 accuracy as a fraction in [0, 1]
 * @param parameters trainable parameters, counting zeroed weights
 * @param macs multiply-accumulate operations for one example
 * @param fileBytes total size of the SavedModel files
 * @param compressedBytes total size of the SavedModel files after gzip at its default level
 * @param latency per batch size, on the machine named in each entry
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurements(
        String dataset,
        Integer testExamples,
        Double accuracy,
        long parameters,
        long macs,
        long fileBytes,
        Long compressedBytes,
        List<LatencyMeasurement> latency) {
}
