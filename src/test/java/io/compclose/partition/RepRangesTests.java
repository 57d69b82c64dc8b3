package io.compclose.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class RepRangesTests {

    private static String range(ExecutionContext context) {
        return context.getString(RepRanges.FIRST_REP) + ".." + context.getString(RepRanges.LAST_REP) + " ("
                + context.getLong(RepRanges.REPS) + ")";
    }

    private static List<RepRanges.WeighedRep> weighing(long weight, List<String> reps) {
        return reps.stream().map(rep -> new RepRanges.WeighedRep(rep, weight)).toList();
    }

    @Test
    void tenRepsOfEqualWeightInThreeRangesDifferByOneRepAtMost() {
        // given ten reps in rep id order
        List<String> reps = List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10");

        // when split into three ranges
        Map<String, ExecutionContext> ranges = RepRanges.split(weighing(1, reps), 3);

        // then the cuts nearest 10/3 and 20/3 give 3 + 4 + 3, contiguous, every rep in exactly one range
        assertThat(ranges).containsOnlyKeys("reps001", "reps002", "reps003");
        assertThat(ranges.values().stream().map(RepRangesTests::range))
                .containsExactly("A01..A03 (3)", "A04..A07 (4)", "A08..A10 (3)");
    }

    @Test
    void moreRangesThanRepsGivesOneRangePerRep() {
        assertThat(RepRanges.split(weighing(5, List.of("B", "C")), 8).values().stream().map(RepRangesTests::range))
                .containsExactly("B..B (1)", "C..C (1)");
    }

    @Test
    void noRepsGiveNoRanges() {
        assertThat(RepRanges.split(List.of(), 4)).isEmpty();
    }

    @Test
    void theSameRepsGiveTheSameRanges() {
        List<String> reps = java.util.stream.IntStream.rangeClosed(1, 2_001)
                .mapToObj(i -> String.format("R%05d", i)).toList();
        Map<String, ExecutionContext> first = RepRanges.split(weighing(1, reps), 8);
        Map<String, ExecutionContext> again = RepRanges.split(weighing(1, reps), 8);
        assertThat(again.values().stream().map(RepRangesTests::range).toList())
                .isEqualTo(first.values().stream().map(RepRangesTests::range).toList());
        // 2,001 reps in 8 ranges: 250 or 251 each
        assertThat(first.values().stream().mapToLong(c -> c.getLong(RepRanges.REPS)).sum()).isEqualTo(2_001);
        assertThat(first.values()).allSatisfy(c -> assertThat(c.getLong(RepRanges.REPS)).isBetween(250L, 251L));
    }

    @Test
    void heavyRepsShareRangesWithFewerReps() {
        // given 4 managers of weight 10 (their roll-up credits) and then 12 reps of weight 1: 52 in all
        List<RepRanges.WeighedRep> reps = new java.util.ArrayList<>(weighing(10, List.of("M1", "M2", "M3", "M4")));
        reps.addAll(weighing(1, java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "R" + (10 + i)).toList()));

        // when split into four ranges of 13 each
        Map<String, ExecutionContext> ranges = RepRanges.split(reps, 4);

        // then the running weights 10, 20, 30, 40, 41 ... 52 are cut nearest 13, 26 and 39: after M1, M3
        // and M4. The heaviest range weighs 20, the least any cut allows (M4 with the rest would be 22)
        assertThat(ranges.values().stream().map(c -> range(c) + " " + c.getLong(RepRanges.WEIGHT)))
                .containsExactly("M1..M1 (1) 10", "M2..M3 (2) 20", "M4..M4 (1) 10", "R11..R22 (12) 12");
    }

    @Test
    void aRangeHeavierThanItsShareStillLeavesOneRepForEachLaterRange() {
        // given one rep carrying nearly all the work first, then three light ones
        List<RepRanges.WeighedRep> reps = List.of(new RepRanges.WeighedRep("A", 100),
                new RepRanges.WeighedRep("B", 1), new RepRanges.WeighedRep("C", 1), new RepRanges.WeighedRep("D", 1));

        // when split into three ranges, then the heavy rep is alone and the light ones fill the other two
        assertThat(RepRanges.split(reps, 3).values().stream().map(RepRangesTests::range))
                .containsExactly("A..A (1)", "B..B (1)", "C..D (2)");
    }
}
