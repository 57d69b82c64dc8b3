package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every page of the console over the demo close on MariaDB, as production runs it: H2 forgives SQL that MySQL and
 * MariaDB refuse (a column neither grouped nor aggregated, say), and only a page read there shows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesOnMariaDbTests {

    private DemoConsole demo;

    @BeforeAll
    void theDemoConsoleOnMariaDb() throws Exception {
        demo = DemoConsole.onMariaDb();
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.context.close();
        }
    }

    @Test
    void everyPageAnswersForEachUserWhoMaySeeIt() throws Exception {
        List<String> failed = new ArrayList<>();
        for (var endpoint : ConsoleAuthorizationTests.WHO_MAY.entrySet()) {
            String[] methodAndPattern = endpoint.getKey().split(" ");
            if (!methodAndPattern[0].equals("GET") || endpoint.getValue().contains("no one")) {
                continue;
            }
            String path = ConsoleAuthorizationTests.fill(methodAndPattern[1]);
            for (String user : endpoint.getValue()) {
                int status = demo.status(path, user);
                if (status >= 500) {
                    failed.add(user + " GET " + path + " → " + status);
                }
            }
        }
        assertThat(failed).isEmpty();
    }

    @Test
    void theRepsOfAPeriodAreFoundByIdOrNameAndPaged() throws Exception {
        assertThat(DemoConsole.rowText(demo.page("/periods/2026-10/reps?q=alvarez", "finance"), "R001"))
                .isEqualTo("R001 Ana Alvarez USD 58,081.95 Year to date");
        assertThat(demo.page("/periods/2026-10/reps?q=R00", "finance")).contains("R001", "R003", "R004")
                .doesNotContain("Ana Alvarez USD 0");
        assertThat(DemoConsole.text(demo.page("/periods/2026-10/reps/R001", "finance"))).contains("USD 58,081.95",
                "bookings.csv 20 B-1017");
    }
}
