package io.compclose.reconciliation;

import java.util.List;

import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.compclose.system.CloseRun;
import io.compclose.system.StepFactory;
import io.compclose.system.TableStatistics;

/**
 * Reconciliation runs after payouts are summed and before anything is exported or sent; the close
 * summary is written once payroll has its file.
 */
@Configuration
public class ReconciliationStepConfiguration {

    @Bean
    CloseSummaryFiles closeSummaryFiles() {
        return new CloseSummaryFiles();
    }

    @Bean
    Step summariseClose(StepFactory steps, CloseSummaryWriter summary) {
        return steps.once("summariseClose", execution -> summary.write(CloseRun.of(execution), false));
    }

    @Bean
    Step reconcile(StepFactory steps, Reconciliation reconciliation, TableStatistics statistics) {
        return steps.once("reconcile", execution -> {
            // every table whose rows it counts or joins, most of them filled moments ago
            statistics.refresh(List.of("rep_assignment", "booking", "booking_split", "credit", "credit_exception",
                    "earning_line", "rep_ledger", "pay_line", "payout", "billed_usage", "account_usage",
                    "usage_redelivery", "account_owner", "adjustment", "intake_reject"));
            reconciliation.reconcile(CloseRun.of(execution));
        });
    }
}
