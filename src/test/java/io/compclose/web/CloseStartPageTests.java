package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The periods page's start form and the start page, over the demo console (October closed). */
class CloseStartPageTests {

    @Test
    void thePeriodsPageOffersTheMonthAfterTheLatestClosedOneAndTheStartPageNamesItsInbox() throws Exception {
        DemoConsole demo = DemoConsole.shared();

        String periods = demo.page("/periods", "finance");
        assertThat(periods).contains("<form id=\"start-close\" method=\"get\" action=\"/periods/start\"")
                .containsPattern("<input type=\"month\" name=\"period\" required value=\"2026-11\"");
        assertThat(demo.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/periods/start").param("period", "2026-11").with(demo.as("finance"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/periods/2026-11/start");

        // serve's catalog: jobs/catalog/monthly-close.yaml reads inbox/{period} under the working directory
        String start = DemoConsole.text(demo.page("/periods/2026-11/start", "finance"));
        assertThat(start).contains("It reads the inbox folder " + Path.of("inbox/2026-11").toAbsolutePath()
                + " (from the inbox of the scheduled job monthly-close (inbox/{period}) ).")
                .contains("That folder does not exist").doesNotContain("Start the close of 2026-11 As the close");
        assertThat(demo.status("/periods/2026-11/start", "payroll")).isEqualTo(403);
        assertThat(demo.status("/periods/2026-13/start", "finance")).isEqualTo(404);
    }
}
