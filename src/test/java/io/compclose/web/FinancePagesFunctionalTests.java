package io.compclose.web;

import static io.compclose.web.DemoConsole.rowText;
import static io.compclose.web.DemoConsole.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Finance's pages over the shared demo close of October ({@link DemoConsole}), read only: the reconciliation chain,
 * the statements with their sends and PDFs, the audit trail, and who may see them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinancePagesFunctionalTests {

    private DemoConsole demo;

    @BeforeAll
    void theDemoConsole() throws Exception {
        demo = DemoConsole.shared();
    }

    @Test
    void theReconciliationShowsTheChainInFlowOrderEveryTieHolding() throws Exception {
        String page = demo.page("/periods/2026-10/reconciliation", "finance");
        System.out.println(text(page));
    }

    @Test
    void onlyFinanceSeesThesePages() throws Exception {
        for (String path : List.of("/periods/2026-10/reconciliation", "/periods/2026-10/statements",
                "/periods/2026-10/statements/R001/1.pdf", "/periods/2026-10/statements/R001/resend",
                "/periods/2026-10/lock", "/audit", "/audit?period=2026-10")) {
            assertThat(List.of(demo.status(path, "finance"), demo.status(path, "payroll"), demo.status(path, "rep")))
                    .as(path).containsExactly(200, 403, 403);
        }
        for (String path : List.of("/periods/2026-10/statements/R001/resend", "/periods/2026-10/lock")) {
            for (String who : List.of("payroll", "rep")) {
                assertThat(demo.mvc.perform(post(path).param("confirm", "yes").with(demo.as(who)).with(csrf()))
                        .andReturn().getResponse().getStatus()).as(who + " " + path).isEqualTo(403);
            }
            assertThat(demo.mvc.perform(post(path).param("confirm", "yes").with(demo.as("finance"))).andReturn()
                    .getResponse().getStatus()).as("no CSRF token: " + path).isEqualTo(403);
        }
    }
}
