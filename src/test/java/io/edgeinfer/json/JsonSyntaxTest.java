package io.edgeinfer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSyntaxTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{\"level\":NaN}         | Non-standard token 'NaN' at line 1, column 13",
            "{\"action\":\"pin\"     | Unexpected end-of-input: expected close marker for Object at line 1, column 16",
            "{\"level\":0.5,}        | Unexpected character ('}' (code 125)): was expecting double-quote to start"
                    + " field name at line 1, column 14",
    })
    void describesSyntaxError(String payload, String expected) {
        JsonProcessingException error = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(payload));

        assertEquals(expected, JsonSyntax.describe(error));
    }
}
