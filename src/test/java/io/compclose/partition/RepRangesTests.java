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

    @Test
    void tenRepsInThreeRangesDifferByOneRepAtMost() {
        // given ten reps in rep id order
        List<String> reps = List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10");

        // when split into three ranges
        Map<String, ExecutionContext> ranges = RepRanges.split(reps, 3);

        // then 10 = 3 + 3 + 4, contiguous, every rep in exactly one range
        assertThat(ranges).containsOnlyKeys("reps001", "reps002", "reps003");
        assertThat(ranges.values().stream().map(RepRangesTests::range))
                .containsExactly("A01..A03 (3)", "A04..A06 (3)", "A07..A10 (4)");
    }

    @Test
    void moreRangesThanRepsGivesOneRangePerRep() {
        assertThat(RepRanges.split(List.of("B", "C"), 8).values().stream().map(RepRangesTests::range))
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
        Map<String, ExecutionContext> first = RepRanges.split(reps, 8);
        Map<String, ExecutionContext> again = RepRanges.split(reps, 8);
        assertThat(again.values().stream().map(RepRangesTests::range).toList())
                .isEqualTo(first.values().stream().map(RepRangesTests::range).toList());
        // 2,001 reps in 8 ranges: 250 or 251 each
        assertThat(first.values().stream().mapToLong(c -> c.getLong(RepRanges.REPS)).sum()).isEqualTo(2_001);
        assertThat(first.values()).allSatisfy(c -> assertThat(c.getLong(RepRanges.REPS)).isBetween(250L, 251L));
    }
}
