package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.plan.Plan;
import io.compclose.plan.PlanCatalog;
import io.compclose.plan.PlanComponent;

class RosterValidatorTests {

    private static final List<String> COLUMNS = List.of("rep_id", "employee_id", "name", "email", "role", "plan_id",
            "pay_currency", "effective_from", "effective_to");

    private final PlanCatalog plans = new PlanCatalog(List.of(Plan.flat("AE", 1, "AE", LocalDate.of(2026, 1, 1), null,
            "USD", PlanComponent.flat("c", BigDecimal.ONE), "p")));
    private final RosterValidator validator = new RosterValidator(plans, new Roster(List.of()));

    private static CsvRow row(long line, String csv) {
        return TestRows.row("reps.csv", COLUMNS, line, csv);
    }

    private Reject rejectOf(long line, String csv) {
        IntakeItem<RepAssignment> item = validator.validate(row(line, csv));
        assertThat(item.isAccepted()).as("rejected: " + csv).isFalse();
        return item.reject();
    }

    @Test
    void acceptsEffectiveDatedAssignments() {
        // the same rep on two consecutive assignments: a plan change mid-month
        assertThat(validator.validate(row(2, "R1,E1,Ana,ana@example.com,AE,AE,USD,2026-01-01,2026-10-15"))
                .isAccepted()).isTrue();
        IntakeItem<RepAssignment> second = validator.validate(row(3, "R1,E1,Ana,ana@example.com,am,AE,USD,2026-10-16,"));
        assertThat(second.accepted().role()).isEqualTo(Role.AM);
        assertThat(second.accepted().effectiveTo()).isNull();
    }

    @Test
    void rejectsEachBrokenRule() {
        assertThat(rejectOf(2, "R1,E1,Ana,ana.example.com,AE,AE,USD,2026-01-01,").reason())
                .isEqualTo("not an email address");
        assertThat(rejectOf(3, "R1,E1,Ana,ana@example.com,BOSS,AE,USD,2026-01-01,").column()).isEqualTo("role");
        assertThat(rejectOf(4, "R1,E1,Ana,ana@example.com,AE,ZZ,USD,2026-01-01,").reason())
                .isEqualTo("unknown plan (no file in plans/ defines it)");
        assertThat(rejectOf(5, "R1,E1,Ana,ana@example.com,AE,AE,USD,2026-05-01,2026-04-30").reason())
                .isEqualTo("is before effective_from");
        assertThat(rejectOf(6, "R1,,Ana,ana@example.com,AE,AE,USD,2026-01-01,").column()).isEqualTo("employee_id");
        // a rep id names files (statements/<period>/<rep>.pdf): none may leave its folder
        // nor begin like a command-line option ("-X05.pdf" given to rm or lpr) or a spreadsheet formula
        for (String escape : List.of("../../etc/cron.d/x", "R/1", "..", ".hidden", "R\\1", "-X05", "=X03", "+1+2",
                "@X09")) {
            Reject reject = rejectOf(7, escape + ",E7,Eve,eve@example.com,AE,AE,USD,2026-01-01,");
            assertThat(reject.column() + ": " + reject.reason()).as(escape).isEqualTo("rep_id: not usable as a file "
                    + "name (no '/', '\\', control characters, and no leading '.', '-', '=', '+' or '@')");
        }
        assertThat(validator.validate(row(8, "X-05+1,E8,Hal,hal@example.com,AE,AE,USD,2026-01-01,")).isAccepted())
                .as("those characters after the first are harmless").isTrue();
    }

    @Test
    void rejectsOverlapsConflictsAndSharedEmployeeIds() {
        assertThat(validator.validate(row(2, "R1,E1,Ana,ana@example.com,AE,AE,USD,2026-01-01,2026-06-30"))
                .isAccepted()).isTrue();

        Reject overlap = rejectOf(3, "R1,E1,Ana,ana@example.com,AE,AE,USD,2026-06-01,");
        assertThat(overlap.reason()).isEqualTo("overlaps the assignment of the same rep on line 2");

        Reject conflict = rejectOf(4, "R1,E1,Ana B,ana@example.com,AE,AE,USD,2026-01-01,2026-06-30");
        assertThat(conflict.reason()).isEqualTo(
                "conflicts with the assignment on line 2 (same rep and effective_from, different content)");

        Reject identical = rejectOf(5, "R1,E1,Ana,ana@example.com,AE,AE,USD,2026-01-01,2026-06-30");
        assertThat(identical.kind()).isEqualTo(Reject.Kind.DUPLICATE);

        Reject shared = rejectOf(6, "R2,E1,Bo,bo@example.com,AE,AE,USD,2026-01-01,");
        assertThat(shared.column()).isEqualTo("employee_id");
        assertThat(shared.reason()).isEqualTo("already belongs to rep R1");
    }
}
