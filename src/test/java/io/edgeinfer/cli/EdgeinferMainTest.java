package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which command lines start the service, and which run with the tool profile that keeps ports and models off. */
class EdgeinferMainTest {

    @ParameterizedTest(name = "[{0}] runs the service: {1}")
    @CsvSource(delimiter = '|', value = {
            "serve                         | true",
            "demo --scenario battery-drain | true",
            "bench swap --swaps 10         | true",
            "serve --help                  | false",
            "demo -h                       | false",
            "bench swap --help             | false",
            "serve --version               | false",
            "models list                   | false",
            "compress train --epochs 1     | false",
            "--help                        | false",
    })
    void serviceOnlyForServiceCommands(String commandLine, boolean expected) {
        assertEquals(expected, EdgeinferMain.runsService(commandLine.trim().split("\\s+")));
    }

    @Test
    void noArgumentsRunsNoService() {
        assertFalse(EdgeinferMain.runsService());
    }
}
