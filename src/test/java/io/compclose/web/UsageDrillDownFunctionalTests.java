package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The usage rows behind an account's month, over the demo's November: usage.csv delivered A-310's August to
 * November with that month's inbox (lines 2 to 5), and R007's bonus measured the account's growth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageDrillDownFunctionalTests {

    private DemoConsole demo;

    @BeforeAll
    void theDemosTwoMonths() throws Exception {
        demo = DemoConsole.throughNovember();
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.context.close();
        }
    }

    @Test
    void theUsageRowsOfAnAccountsMonthShowTheirFileAndLine() throws Exception {
        assertThat(DemoConsole.rowText(demo.page("/periods/2026-11/usage/A-310/2026-11", "finance"), "2026-11"))
                .isEqualTo("2026-11 usage.csv 5 U-2026-11 API_CALLS 2530 kcalls USD 25,300.00");
        assertThat(DemoConsole.rowText(demo.page("/periods/2026-11/usage/A-310/2026-08", "finance"), "2026-11"))
                .isEqualTo("2026-11 usage.csv 2 U-2026-08 API_CALLS 2000 kcalls USD 20,000.00");
        // nothing of it was delivered up to October
        assertThat(demo.page("/periods/2026-10/usage/A-310/2026-08", "finance")).contains("No usage row.");
    }

    @Test
    void novembersPayOfARepDrillsDownAcrossBothMonths() throws Exception {
        String page = demo.page("/periods/2026-11/reps/R007", "finance");
        assertThat(DemoConsole.rowText(page, "2")).startsWith("2 BONUS USD 1,000.00 bonus usage-up-10: USAGE_GROWTH "
                + "0.2048 reached 0.1");
        assertThat(DemoConsole.rowText(page, "12")).startsWith("12 bookings B-3009 2026-11 50,000.00 0+ at 3 % 3 % "
                + "USD 1,500.00 RN-2026 v2");
    }
}
