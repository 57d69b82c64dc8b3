package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

class ReadAheadTests {

    /** Rows "row 1" ... "row n"; fails on row {@code failAt} if it is reached. */
    private static final class Rows extends AbstractItemCountingItemStreamItemReader<String> {
        private final int count;
        private final int failAt;
        private int next;
        private boolean closed;

        Rows(int count, int failAt) {
            this.count = count;
            this.failAt = failAt;
            setName("usage.csv");
        }

        @Override
        protected String doRead() {
            next++;
            if (next == failAt) {
                throw new BadInputException("usage.csv: line " + (next + 1) + " cannot be parsed as CSV");
            }
            return next <= count ? "row " + next : null;
        }

        @Override
        protected void doOpen() {
            next = 0;
            closed = false;
        }

        @Override
        protected void doClose() {
            closed = true;
        }
    }

    private static List<String> readAll(ReadAhead<String> reader) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void givesEveryRowInOrderThenTheEnd() throws Exception {
        // 2,345 rows: four full blocks of 500 and a part block, read ahead at most 1,000 rows
        ReadAhead<String> reader = new ReadAhead<>(new Rows(2_345, -1), 1_000);
        reader.open(new ExecutionContext());

        assertThat(readAll(reader)).isEqualTo(IntStream.rangeClosed(1, 2_345).mapToObj(i -> "row " + i).toList());
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void theCountSavedIsOfRowsTakenNotRowsReadAheadAndARestartSkipsThem() throws Exception {
        // given a step that took 1,200 rows and committed; the thread has read further
        ReadAhead<String> reader = new ReadAhead<>(new Rows(3_000, -1), 1_000);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 1_200; i++) {
            reader.read();
        }
        ExecutionContext committed = new ExecutionContext();
        reader.update(committed);
        reader.close();
        assertThat(committed.getInt("usage.csv.read.count")).isEqualTo(1_200);

        // when the step restarts from that commit, then it continues at row 1,201
        ReadAhead<String> restarted = new ReadAhead<>(new Rows(3_000, -1), 1_000);
        restarted.open(committed);
        List<String> rest = readAll(restarted);
        restarted.close();
        assertThat(rest).hasSize(1_800);
        assertThat(rest.get(0)).isEqualTo("row 1201");
        assertThat(rest.get(1_799)).isEqualTo("row 3000");
    }

    @Test
    void aRowTheSourceCannotReadFailsTheStepAtThatRowAfterTheRowsBeforeIt() throws Exception {
        ReadAhead<String> reader = new ReadAhead<>(new Rows(3_000, 1_501), 1_000);
        reader.open(new ExecutionContext());
        for (int i = 1; i <= 1_500; i++) {
            assertThat(reader.read()).isEqualTo("row " + i);
        }

        assertThatThrownBy(reader::read).isInstanceOf(BadInputException.class)
                .hasMessage("usage.csv: line 1502 cannot be parsed as CSV");
        reader.close();
    }

    @Test
    void closingBeforeTheEndStopsTheThreadAndClosesTheSource() throws Exception {
        // given a long file of which the step took ten rows, the thread waiting on a full queue
        Rows source = new Rows(1_000_000, -1);
        ReadAhead<String> reader = new ReadAhead<>(source, 1_000);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 10; i++) {
            reader.read();
        }

        // when the step closes the reader, then the source is closed and not read to its end
        reader.close();
        assertThat(source.closed).isTrue();
        assertThat(source.next).isLessThan(5_000);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("usage.csv-read-ahead"));
    }

    @Test
    void processingRunsOnTheReadAheadThreadRowAfterRowInFileOrder() throws Exception {
        List<String> threads = new ArrayList<>();
        ReadAhead<String> reader = ReadAhead.processing(new Rows(1_234, -1), 1_000, row -> {
            threads.add(Thread.currentThread().getName());
            return row.toUpperCase();
        });
        reader.open(new ExecutionContext());

        assertThat(readAll(reader)).isEqualTo(IntStream.rangeClosed(1, 1_234).mapToObj(i -> "ROW " + i).toList());
        reader.close();
        assertThat(threads).hasSize(1_234).containsOnly("usage.csv-read-ahead");
    }

    @Test
    void aRowItsProcessingFailsOnFailsTheStepAtThatRowAfterTheRowsBeforeIt() throws Exception {
        ReadAhead<String> reader = ReadAhead.processing(new Rows(3_000, -1), 1_000, row -> {
            if (row.equals("row 777")) {
                throw new IllegalStateException("no rule for " + row);
            }
            return row;
        });
        reader.open(new ExecutionContext());
        for (int i = 1; i <= 776; i++) {
            assertThat(reader.read()).isEqualTo("row " + i);
        }

        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("no rule for row 777");
        reader.close();
    }
}
