package io.compclose.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.compclose.cli.ApproveCommand;
import io.compclose.cli.CloseHistory;
import io.compclose.cli.ServeProperties;
import io.compclose.core.plan.PayPeriod;
import io.compclose.reconciliation.ReviewRepository;
import io.compclose.reconciliation.ReviewRules;
import io.compclose.system.CloseRun;

/**
 * The review gate of a period in the console: what it found on the latest revision, whether the close waits for
 * approval, and who approved it. Approving goes through {@code approve}'s own command object, so the console and
 * the command line record the same approval, audit event and checks.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ReviewDesk {

    /** A period's review as finance sees it. */
    public record Review(PayPeriod period, int revision, boolean waiting,
            List<ReviewRules.ReviewException> exceptions, Optional<ReviewRepository.Approval> approval) {
    }

    /** What an approval said, as the command line would have printed it; {@code approved} false if refused. */
    public record Outcome(boolean approved, String message) {
    }

    private final CloseHistory history;
    private final ReviewRepository review;
    private final ApproveCommand approve;
    private final Path out;

    public ReviewDesk(CloseHistory history, ReviewRepository review, ApproveCommand approve, ServeProperties serve) {
        this.history = history;
        this.review = review;
        this.approve = approve;
        this.out = serve.out().toAbsolutePath().normalize();
    }

    public Review of(PayPeriod period) {
        JobExecution last = history.latestExecution(period, out);
        int revision = last == null ? 0 : CloseRun.from(last.getJobParameters()).revision();
        return new Review(period, revision, CloseHistory.stoppedForReview(last), review.exceptions(period, revision),
                review.approval(period, revision));
    }

    public Outcome approve(PayPeriod period, String by, String note) {
        CommandSaid said = CommandSaid.of((out, err) -> approve.run(period, by,
                note == null || note.isBlank() ? null : note.strip(), this.out, out, err));
        return new Outcome(said.ok(), said.message());
    }
}
