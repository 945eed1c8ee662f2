package io.edgeinfer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Short descriptions of JSON syntax errors for error replies. Jackson's own messages name parser features that
 * only the service could turn on, and source locations that it redacts; a sender can act on neither.
 */
public final class JsonSyntax {

    /** Jackson's advice to enable a parser feature, such as {@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}. */
    private static final Pattern FEATURE_HINT = Pattern.compile(":\\s*enable `[^`]*` to allow");

    /** Jackson's pointer to where an unclosed object or array started. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at .*", Pattern.DOTALL);

    private JsonSyntax() {
    }

    /**
     * Returns what is wrong with the payload, with its line and column when Jackson reports them, for example
     * {@code Non-standard token 'NaN' at line 1, column 13}.
     */
    public static String describe(JsonProcessingException error) {
        String message = error.getOriginalMessage() == null ? error.getClass().getSimpleName()
                : error.getOriginalMessage();
        message = FEATURE_HINT.matcher(message).replaceAll("");
        message = START_MARKER.matcher(message).replaceAll("");
        if (error.getLocation() != null && error.getLocation().getLineNr() > 0) {
            message += " at line " + error.getLocation().getLineNr() + ", column "
                    + error.getLocation().getColumnNr();
        }
        return message;
    }
}
