package io.compclose.intake;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanCatalog;
import io.compclose.core.plan.PlanComponent;

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
    void aPayCurrencyOtherThanThePlansIsRejectedForTheVersionsTheAssignmentSpans() {
        // AE v1 in USD for the year, v2 in EUR from July on: an EUR rep may be on AE from July only
        PlanCatalog twoCurrencies = new PlanCatalog(List.of(Plan.flat("AE", 1, "AE", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "USD", PlanComponent.flat("c", BigDecimal.ONE), "p"),
                Plan.flat("AE", 2, "AE EMEA", LocalDate.of(2026, 7, 1), null, "EUR",
                        PlanComponent.flat("c", BigDecimal.ONE), "p")));
        RosterValidator roster = new RosterValidator(twoCurrencies, new Roster(List.of()));
        Reject reject = roster.validate(row(2, "R1,E1,Ana,ana@example.com,AE,AE,EUR,2026-01-01,2026-06-30")).reject();
        assertThat(reject.column() + ": " + reject.reason() + " [" + reject.rawValue() + "]").isEqualTo(
                "pay_currency: differs from the currency of plan AE v1 (USD), whose quotas and amounts would be paid "
                        + "as EUR unconverted: assign a plan written in EUR, or pay in USD [EUR]");
        assertThat(roster.validate(row(3, "R1,E1,Ana,ana@example.com,AE,AE,EUR,2026-07-01,")).isAccepted())
                .as("from July v2 applies, v1 no longer").isTrue();
        assertThat(roster.validate(row(4, "R2,E2,Bea,bea@example.com,AE,AE,USD,2026-01-01,2026-06-30"))
                .isAccepted()).as("USD until June: v1 only").isTrue();
        assertThat(roster.validate(row(5, "R3,E3,Cy,cy@example.com,AE,AE,USD,2026-03-01,")).reject().reason())
                .as("USD from March meets the EUR v2 in July").startsWith("differs from the currency of plan AE v2 (EUR)");
    }

    @Test
    void aRowThatClosesAManagerCycleIsRejectedNamingTheCycle() {
        List<String> columns = List.of("rep_id", "employee_id", "name", "email", "role", "manager_id", "plan_id",
                "pay_currency", "effective_from", "effective_to");
        java.util.function.BiFunction<Long, String, IntakeItem<RepAssignment>> validate =
                (line, csv) -> validator.validate(TestRows.row("reps.csv", columns, line, csv));
        // M001 managed by M002 is fine until M002 is managed by M001; R1 managed by M001 is in no cycle
        assertThat(validate.apply(2L, "M001,E1,Meg,meg@example.com,MANAGER,M002,AE,USD,2026-01-01,")
                .isAccepted()).isTrue();
        assertThat(validate.apply(3L, "R1,E2,Ray,ray@example.com,AE,M001,AE,USD,2026-01-01,").isAccepted()).isTrue();
        Reject mutual = validate.apply(4L, "M002,E3,Max,max@example.com,MANAGER,M001,AE,USD,2026-03-01,").reject();
        assertThat(mutual.column() + ": " + mutual.reason() + " [" + mutual.rawValue() + "]").isEqualTo("manager_id: "
                + "manager cycle M002 -> M001 -> M002 from 2026-03-01: a rep cannot manage themselves, directly or "
                + "through others (their manager would be paid on their own roll-up) [M001]");
        Reject self = validate.apply(5L, "R2,E4,Sue,sue@example.com,AE,R2,AE,USD,2026-01-01,").reject();
        assertThat(self.reason()).startsWith("manager cycle R2 -> R2 from 2026-01-01: ");
        // three deep: X1 managed by X2, X2 by X3, and X3 by X1 closes it
        assertThat(validate.apply(6L, "X1,E5,Kim,kim@example.com,MANAGER,X2,AE,USD,2026-01-01,").isAccepted())
                .isTrue();
        assertThat(validate.apply(7L, "X2,E6,Lou,lou@example.com,MANAGER,X3,AE,USD,2026-01-01,").isAccepted())
                .isTrue();
        assertThat(validate.apply(8L, "X3,E7,Mo,mo@example.com,MANAGER,X1,AE,USD,2026-01-01,").reject().reason())
                .startsWith("manager cycle X3 -> X1 -> X2 -> X3 from 2026-01-01: ");
    }

    @Test
    void aManagerChainIsACycleOnlyOnDaysAllItsAssignmentsAreInEffect() {
        List<String> columns = List.of("rep_id", "employee_id", "name", "email", "role", "manager_id", "plan_id",
                "pay_currency", "effective_from", "effective_to");
        java.util.function.BiFunction<Long, String, IntakeItem<RepAssignment>> validate =
                (line, csv) -> validator.validate(TestRows.row("reps.csv", columns, line, csv));
        // a reorganisation: A reports to B until June, B to A from July; never both on one day
        assertThat(validate.apply(2L, "A,E1,Al,al@example.com,MANAGER,B,AE,USD,2026-01-01,2026-06-30").isAccepted())
                .isTrue();
        assertThat(validate.apply(3L, "B,E2,Bea,bea@example.com,MANAGER,A,AE,USD,2026-07-01,").isAccepted()).isTrue();
        // C reports to D all year, D to E from October, and E to C in the last days of the year: a cycle from 12-20
        assertThat(validate.apply(4L, "C,E3,Cy,cy@example.com,MANAGER,D,AE,USD,2026-01-01,").isAccepted()).isTrue();
        assertThat(validate.apply(5L, "D,E4,Di,di@example.com,MANAGER,E,AE,USD,2026-10-01,").isAccepted()).isTrue();
        assertThat(validate.apply(6L, "E,E5,Ed,ed@example.com,MANAGER,C,AE,USD,2026-12-20,").reject().reason())
                .startsWith("manager cycle E -> C -> D -> E from 2026-12-20: ");
        // the same, but E's row ends before D's begins: no day has all three
        assertThat(validate.apply(7L, "E,E5,Ed,ed@example.com,MANAGER,C,AE,USD,2026-01-01,2026-09-30").isAccepted())
                .isTrue();
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
