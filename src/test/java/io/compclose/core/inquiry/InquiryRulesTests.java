package io.compclose.core.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InquiryRulesTests {

    @Test
    void anInquiryIsAnsweredAnyNumberOfTimesThenResolvedOnce() {
        assertThat(InquiryState.OPEN.answered()).isEqualTo(InquiryState.ANSWERED);
        assertThat(InquiryState.ANSWERED.answered()).isEqualTo(InquiryState.ANSWERED);
        assertThat(InquiryState.OPEN.resolvedWithoutChange()).isEqualTo(InquiryState.NO_CHANGE);
        assertThatThrownBy(() -> InquiryState.ADJUSTED.answered()).isInstanceOf(InquiryException.class)
                .hasMessage("This inquiry is already resolved: adjusted; it cannot be answered again.");
        assertThatThrownBy(() -> InquiryState.NO_CHANGE.adjustmentProposed())
                .hasMessage("This inquiry is already resolved: no change; it cannot be resolved again.");
    }

    @Test
    void anAdjustmentIsProposedThenApprovedOrDeclined() {
        // proposed: it waits, taking no answer and no other resolution
        assertThat(InquiryState.ANSWERED.adjustmentProposed()).isEqualTo(InquiryState.PROPOSED);
        assertThat(InquiryState.OPEN.adjustmentProposed()).isEqualTo(InquiryState.PROPOSED);
        assertThat(InquiryState.PROPOSED.describe()).isEqualTo("adjustment proposed, waiting for approval");
        assertThat(InquiryState.PROPOSED.resolved()).isFalse();
        assertThatThrownBy(() -> InquiryState.PROPOSED.answered()).hasMessage("This inquiry's adjustment waits for "
                + "approval; approve or decline it before it is answered.");
        assertThatThrownBy(() -> InquiryState.PROPOSED.resolvedWithoutChange()).hasMessage("This inquiry's "
                + "adjustment waits for approval; approve or decline it before it is resolved.");
        assertThatThrownBy(() -> InquiryState.PROPOSED.adjustmentProposed()).isInstanceOf(InquiryException.class);
        // approved: resolved; declined: answered again, open to answers and another resolution
        assertThat(InquiryState.PROPOSED.approved()).isEqualTo(InquiryState.ADJUSTED);
        assertThat(InquiryState.PROPOSED.declined()).isEqualTo(InquiryState.ANSWERED);
        assertThatThrownBy(() -> InquiryState.ANSWERED.approved())
                .hasMessage("This inquiry is answered: it has no proposed adjustment to be approved.");
        assertThatThrownBy(() -> InquiryState.ADJUSTED.declined())
                .hasMessage("This inquiry is resolved: adjusted: it has no proposed adjustment to be declined.");
    }

    @Test
    void theAdjustmentIsApprovedBySomeoneElseThanWhoProposedIt() {
        AdjustmentProposal proposal = AdjustmentProposal.of(new BigDecimal("250"), " missed split ", "finance");
        assertThat(proposal.amount()).isEqualByComparingTo("250.00").hasToString("250.00");
        assertThat(proposal.reason()).isEqualTo("missed split");
        AdjustmentApproval approval = proposal.approvedBy(" finance2 ", "R001");
        assertThat(approval).isEqualTo(new AdjustmentApproval(new BigDecimal("250.00"), "missed split", "finance",
                "finance2"));
        assertThat(approval.statementText(3, "2026-10", 2))
                .isEqualTo("Adjustment for inquiry #3 (2026-10 line 2): missed split");
        assertThat(approval.statementText(4, "2026-10", null)).isEqualTo("Adjustment for inquiry #4 (2026-10): missed split");
        assertThatThrownBy(() -> proposal.approvedBy("FINANCE", "R001"))
                .hasMessage("The adjustment must be approved by someone other than finance, who proposed it.");
        assertThatThrownBy(() -> proposal.approvedBy("r001", "R001"))
                .hasMessage("The rep cannot approve their own adjustment.");
        assertThatThrownBy(() -> proposal.approvedBy(" ", "R001")).hasMessage("The adjustment needs an approver.");
        assertThatThrownBy(() -> AdjustmentProposal.of(BigDecimal.ZERO, "why", "finance"))
                .hasMessage("The adjustment needs an amount other than zero.");
        assertThatThrownBy(() -> AdjustmentProposal.of(new BigDecimal("1.005"), "why", "finance"))
                .hasMessage("The adjustment's amount has more than two decimals: 1.005");
        assertThatThrownBy(() -> AdjustmentProposal.of(BigDecimal.TEN, " ", "finance"))
                .hasMessage("The adjustment needs a reason.");
        assertThat(AdjustmentApproval.adjustmentId(7)).isEqualTo("INQ-7");
        assertThat(AdjustmentApproval.isInquiryAdjustment("inq-7")).isTrue();
        assertThat(AdjustmentApproval.isInquiryAdjustment("ADJ-7")).isFalse();
    }

    @Test
    void anAttachmentIsWhatItsContentSaysWithinTwoMegabytes() {
        byte[] pdf = "%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Attachment.of("C:\\docs\\proof.PDF", pdf)).satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("proof.PDF");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
        assertThat(Attachment.of("shot.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}).contentType())
                .isEqualTo("image/png");
        assertThat(Attachment.of("a.jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).contentType())
                .isEqualTo("image/jpeg");
        assertThat(Attachment.of("deals.csv", "booking,acv\nB-1,10\n".getBytes(StandardCharsets.UTF_8)).contentType())
                .isEqualTo("text/csv");
        assertThat(Attachment.of("note.txt", "Grüße\tok\r\n".getBytes(StandardCharsets.UTF_8)).contentType())
                .isEqualTo("text/plain");

        assertThatThrownBy(() -> Attachment.of("proof.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("The attachment proof.pdf is named .pdf but its content is not a PDF file.");
        assertThatThrownBy(() -> Attachment.of("run.exe", pdf))
                .hasMessage("The attachment run.exe is not a PDF, PNG, JPEG, text or CSV file.");
        assertThatThrownBy(() -> Attachment.of("data.csv", new byte[] {'a', 0, 'b'}))
                .hasMessage("The attachment data.csv is named .csv but its content is not plain text.");
        byte[] big = new byte[Attachment.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> Attachment.of("big.txt", big))
                .hasMessage("The attachment big.txt is 2048 KB; at most 2 MB is allowed.");
        assertThat(Attachment.of("max.txt", Arrays.copyOf(big, Attachment.MAX_BYTES)).content()).hasSize(2097152);
        assertThatThrownBy(() -> Attachment.of("empty.txt", new byte[0])).hasMessage("The attachment empty.txt is empty.");
    }

    @Test
    void anAdjustmentLandsInTheFirstLaterPeriodNotClosed() {
        YearMonth october = YearMonth.of(2026, 10);
        assertThat(NextOpenPeriod.after(october, Set.of()::contains)).isEqualTo(YearMonth.of(2026, 11));
        // October completed, November locked, December closed: January
        assertThat(NextOpenPeriod.after(october, Set.of(october, YearMonth.of(2026, 11), YearMonth.of(2026, 12))
                ::contains)).isEqualTo(YearMonth.of(2027, 1));
        // a dispute of September while October is closed: November
        assertThat(NextOpenPeriod.after(YearMonth.of(2026, 9), Set.of(october)::contains))
                .isEqualTo(YearMonth.of(2026, 11));
    }
}
