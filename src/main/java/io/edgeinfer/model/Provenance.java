package io.edgeinfer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * How a variant was made, so that it can be made again.
 *
 * @param command the edgeinfer command line that produced it
 * @param seed the random seed for initialization, shuffling, augmentation and dropout
 * @param createdAt ISO-8601 instant the export finished
 * @param settings technique settings, such as epochs, batch size and learning rate
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String command, Long seed, String createdAt, Map<String, Object> settings) {
}
