package io.compclose.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.PayPeriod;

class RepBlocksTests {

    private static final PayPeriod OCTOBER = PayPeriod.of(YearMonth.of(2026, 10));

    /** R1..R6 active in October, given out of order; R4 left in September; R2 holds two assignments. */
    private final Roster roster = new Roster(List.of(
            rep("R5", "2026-01-01", null), rep("R1", "2026-01-01", null), rep("R3", "2026-01-01", null),
            rep("R4", "2026-01-01", "2026-09-30"), rep("R2", "2026-01-01", "2026-10-14"),
            rep("R2", "2026-10-15", null), rep("R6", "2026-10-20", null)));

    @Test
    void aBlockIsTheActiveRepsFromTheRepOnInRepOrder() {
        RepBlocks blocks = new RepBlocks(roster, OCTOBER, null, 3);
        // R4 is not active in October: R2's block skips it, and R2 with two assignments counts once
        assertEquals(List.of("R2", "R3", "R5"), blocks.from("R2"));
        assertEquals(List.of("R5", "R6"), blocks.from("R5"));
    }

    @Test
    void aRangesBlockStopsAtItsLastRep() {
        assertEquals(List.of("R1", "R2"), new RepBlocks(roster, OCTOBER, "R2", 3).from("R1"));
        // a last rep no longer active still bounds the range: R4 lies between R3 and R5
        assertEquals(List.of("R2", "R3"), new RepBlocks(roster, OCTOBER, "R4", 5).from("R2"));
        assertEquals(List.of("R6"), new RepBlocks(roster, OCTOBER, "R6", 5).from("R6"));
    }

    @Test
    void aRepNotActiveInThePeriodIsABlockOfItsOwn() {
        assertEquals(List.of("R4"), new RepBlocks(roster, OCTOBER, null, 3).from("R4"));
        assertEquals(List.of("R9"), new RepBlocks(roster, OCTOBER, null, 3).from("R9"));
    }

    private static RepAssignment rep(String id, String from, String to) {
        return new RepAssignment(id, "E-" + id, "Rep " + id, id + "@example.com", Role.AE, null, null, "PLAN",
                "EUR", LocalDate.parse(from), to == null ? null : LocalDate.parse(to), 1);
    }
}
