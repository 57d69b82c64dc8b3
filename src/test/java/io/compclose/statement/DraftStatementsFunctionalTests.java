package io.compclose.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.support.CliRun;
import io.compclose.support.CloseFixture;
import io.compclose.support.Pdfs;

/**
 * When the review gate stops the sample close, every rep's statement is drafted from the payouts, marked as a
 * draft on every page, and nothing of it is issued; the statements issued after approval replace the drafts.
 */
class DraftStatementsFunctionalTests {

    private static final String DRAFT = "DRAFT — not approved";

    @Test
    void theGateLeavesDraftStatementsThatTheIssuedOnesReplace(@TempDir Path out) throws Exception {
        // given the gate on: R001's payout of 58,081.95 is above 50,000
        CloseFixture fixture = CloseFixture.onH2(out, false);
        List<String> close = fixture.closeArgs("--compclose.review.enabled=true",
                "--compclose.review.payout-above=50000");

        // when the close runs
        CliRun stopped = CliRun.of(close);

        // then it stops at the gate with a draft statement for each of the 10 active reps, in the folder it names
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(3);
        Path drafts = fixture.out().resolve("statements/draft/2026-10");
        assertThat(stopped.err()).contains("the statements in " + drafts);
        try (Stream<Path> files = Files.list(drafts)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("M001.pdf", "R001.pdf",
                    "R002.pdf", "R003.pdf", "R004.pdf", "R005.pdf", "R006.pdf", "R007.pdf", "R008.pdf", "R009.pdf");
        }
        // R001's draft shows what the payroll file would pay, read from the payouts, with the mark on every page
        byte[] pdf = Files.readAllBytes(drafts.resolve("R001.pdf"));
        String draft = Pdfs.text(pdf);
        assertThat(draft).contains("USD 58,081.95");
        assertThat(draft.split(DRAFT, -1)).as("one mark per page").hasSize(pages(pdf) + 1);
        // and nothing was issued: no statement recorded, no payroll file, nothing in the outbox or delivered
        assertThat(fixture.count("SELECT COUNT(*) FROM statement")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM statement_figure")).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM delivery_log")).isZero();
        assertThat(fixture.payrollCsv()).doesNotExist();
        assertThat(fixture.out().resolve("outbox")).doesNotExist();
        assertThat(fixture.statement("R001")).doesNotExist();

        // when finance approves and the close continues
        CliRun approve = CliRun.of(List.of("approve", "--period=2026-10", "--by=Fiona Finance",
                "--out=" + fixture.out()));
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        CliRun continued = CliRun.of(close);

        // then the issued statements replace the drafts, and carry no mark
        assertThat(continued.exitCode()).as(continued.toString()).isZero();
        assertThat(fixture.out().resolve("statements/draft")).doesNotExist();
        String issued = Pdfs.text(Files.readAllBytes(fixture.statement("R001")));
        assertThat(issued).contains("USD 58,081.95").doesNotContain("DRAFT");
        assertThat(fixture.count("SELECT COUNT(*) FROM statement WHERE rep_id = 'R001' AND payout_amount = 58081.95"))
                .isEqualTo(1);
    }

    private static int pages(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
