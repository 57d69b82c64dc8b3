package io.compclose.calculation;

import io.compclose.core.calculation.RepHistory;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.compclose.core.input.Roster;
import io.compclose.core.money.FxConversion;
import io.compclose.core.plan.PayPeriod;
import io.compclose.intake.IntakeRepository;
import io.compclose.partition.RepBlocks;
import io.compclose.system.CloseRun;

/**
 * The histories of the reps a calculation step closes, read a block of reps at a time: a dozen
 * queries per block instead of a dozen per rep. Reps come in rep order, so a rep not in the block
 * read last starts the next one, of the period's active reps from it on (up to the step's last rep
 * when it runs one range of reps). Step-scoped: each step, and each range of one, reads its own blocks.
 */
@Component
@StepScope
public class RepHistories {

    /** Reps read together; their histories wait in memory until each is calculated. */
    static final int BLOCK = 100;

    private final PayPeriod period;
    private final Roster roster;
    private final RepBlocks blocks;
    private final RepHistoryRepository repository;
    /** The period's rates by month: the same for every rep of the step. */
    private final Map<YearMonth, FxConversion> rates = new HashMap<>();
    private Boolean lateBookings;
    private Map<String, RepHistory> block = new HashMap<>();

    /** @param lastRep the last rep of the range the step runs, or null when it runs them all */
    public RepHistories(CloseRun run,
            @Value("#{stepExecutionContext['lastRep']}") String lastRep, IntakeRepository intake,
            RepHistoryRepository repository) {
        this.period = run.period();
        this.roster = intake.roster(period.toString());
        this.blocks = new RepBlocks(roster, period, lastRep, BLOCK);
        this.repository = repository;
    }

    public RepHistory of(String repId) {
        RepHistory history = block.remove(repId);
        if (history == null) {
            if (lateBookings == null) {
                lateBookings = repository.anyLateBookings(period);
            }
            block = new HashMap<>(repository.histories(blocks.from(repId), period,
                    rep -> roster.forPeriod(rep, period).orElseThrow().payCurrency(), lateBookings, rates));
            history = block.remove(repId);
        }
        return history;
    }
}
