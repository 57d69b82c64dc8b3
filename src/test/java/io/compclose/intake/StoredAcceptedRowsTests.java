package io.compclose.intake;

import io.compclose.core.input.BilledUsage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Re-deliveries of a large file are found without holding its rows: within the chunk from memory,
 * across chunks and across a restart from the database (here a map standing in for billed_usage).
 */
class StoredAcceptedRowsTests {

    private static final List<String> USAGE = List.of("usage_id", "account_id", "product", "usage_month", "quantity",
            "unit", "revenue", "currency");

    private final Map<String, BilledUsage> database = new HashMap<>();
    private int lookups;

    private StoredAcceptedRows<BilledUsage> rows(KeyFilter stored) {
        return new StoredAcceptedRows<>(stored, id -> {
            lookups++;
            return Optional.ofNullable(database.get(id));
        });
    }

    /** What the writer does at the end of a chunk: store the accepted rows, then tell the filter. */
    private static void write(List<IntakeItem<BilledUsage>> chunk, Map<String, BilledUsage> database,
            StoredAcceptedRows<BilledUsage> accepted) {
        List<BilledUsage> rows = chunk.stream().filter(IntakeItem::isAccepted).map(IntakeItem::accepted).toList();
        rows.forEach(row -> database.put(row.usageId(), row));
        accepted.written(rows);
    }

    private static String outcome(IntakeItem<BilledUsage> item) {
        return item.isAccepted() ? "accepted" : item.reject().kind() + ": " + item.reject().reason();
    }

    @Test
    void aReDeliveryIsFoundInTheChunkInALaterChunkAndAfterARestart() {
        StoredAcceptedRows<BilledUsage> accepted = rows(KeyFilter.standard());
        UsageValidator validator = new UsageValidator(YearMonth.of(2026, 10), accepted, Set.of("USD")::contains);
        List<IntakeItem<BilledUsage>> first = List.of(
                validator.validate(TestRows.row("usage.csv", USAGE, 2, "U1,A1,P,2026-10,1,GB,100,USD")),
                validator.validate(TestRows.row("usage.csv", USAGE, 3, "U2,A1,P,2026-10,1,GB,200,USD")),
                validator.validate(TestRows.row("usage.csv", USAGE, 4, "U1,A1,P,2026-10,1,GB,100,USD")));
        assertThat(first).extracting(StoredAcceptedRowsTests::outcome).containsExactly("accepted", "accepted",
                "DUPLICATE: identical re-delivery of line 2 (counted once)");
        assertThat(lookups).as("nothing stored yet: the chunk's own rows answer").isZero();
        write(first, database, accepted);

        // the next chunk: U2 again with another revenue, U3 new
        List<IntakeItem<BilledUsage>> second = List.of(
                validator.validate(TestRows.row("usage.csv", USAGE, 5, "U2,A1,P,2026-10,1,GB,250,USD")),
                validator.validate(TestRows.row("usage.csv", USAGE, 6, "U3,A2,P,2026-10,1,GB,300,USD")));
        assertThat(second).extracting(StoredAcceptedRowsTests::outcome).containsExactly(
                "REJECTED: duplicate of line 3 with different content", "accepted");
        assertThat(lookups).as("only U2 was looked up (U3's key is new to the filter)").isEqualTo(1);
        write(second, database, accepted);

        // a restart: a new filter from the stored keys, as IntakeRepository#usageIds builds it
        KeyFilter restarted = KeyFilter.standard();
        database.keySet().forEach(restarted::add);
        UsageValidator afterRestart = new UsageValidator(YearMonth.of(2026, 10), rows(restarted),
                Set.of("USD")::contains);
        assertThat(outcome(afterRestart.validate(TestRows.row("usage.csv", USAGE, 7, "U3,A2,P,2026-10,1,GB,300,USD"))))
                .isEqualTo("DUPLICATE: identical re-delivery of line 6 (counted once)");
        assertThat(outcome(afterRestart.validate(TestRows.row("usage.csv", USAGE, 8, "U4,A2,P,2026-10,1,GB,1,USD"))))
                .isEqualTo("accepted");
        assertThat(database.get("U2").revenue().amount()).isEqualByComparingTo(new BigDecimal("200"));
    }

    @Test
    void rowsWrittenInAnOpenTransactionAnswerForThemselvesUntilItCommits() {
        // validation runs chunks ahead of the writer, on a thread that sees committed rows only
        Map<String, BilledUsage> committed = new HashMap<>();
        StoredAcceptedRows<BilledUsage> accepted = new StoredAcceptedRows<>(KeyFilter.standard(),
                id -> Optional.ofNullable(committed.get(id)));
        UsageValidator validator = new UsageValidator(YearMonth.of(2026, 10), accepted, Set.of("USD")::contains);
        IntakeItem<BilledUsage> u1 = validator.validate(TestRows.row("usage.csv", USAGE, 2, "U1,A1,P,2026-10,1,GB,100,USD"));

        // given the writer wrote U1 in a transaction not yet committed
        TransactionSynchronizationManager.initSynchronization();
        try {
            accepted.written(List.of(u1.accepted()));

            // then U1 again, validated meanwhile, is still known: a lookup would not see it yet
            assertThat(outcome(validator.validate(TestRows.row("usage.csv", USAGE, 9, "U1,A1,P,2026-10,1,GB,100,USD"))))
                    .isEqualTo("DUPLICATE: identical re-delivery of line 2 (counted once)");
            assertThat(accepted.lookups()).isZero();

            // when the transaction commits, then U1 is answered by the database
            committed.put("U1", u1.accepted());
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(outcome(validator.validate(TestRows.row("usage.csv", USAGE, 12, "U1,A1,P,2026-10,1,GB,90,USD"))))
                .isEqualTo("REJECTED: duplicate of line 2 with different content");
        assertThat(accepted.lookups()).isEqualTo(1);
    }
}
