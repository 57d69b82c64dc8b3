package io.compclose.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk's accepted rows and its rejects in the same transaction. */
public class IntakeWriter<T> implements ItemWriter<IntakeItem<T>> {

    private final String period;
    private final BiConsumer<String, List<T>> acceptedSink;
    private final BiConsumer<String, List<Reject>> rejectSink;
    private final Consumer<List<T>> written;

    /**
     * Into a table of the close, the rejects into the close's.
     *
     * @param written told a chunk's accepted rows once they are written, e.g. {@link StoredAcceptedRows#written}
     */
    IntakeWriter(String period, IntakeRepository repository, IntakeRepository.TableRows<T> table,
            Consumer<List<T>> written) {
        this(period, (p, rows) -> repository.save(table, p, rows), repository::saveRejects, written);
    }

    /** @param rejectSink where the rejects go: the close's, or a preview's own table */
    public IntakeWriter(String period, BiConsumer<String, List<T>> acceptedSink,
            BiConsumer<String, List<Reject>> rejectSink, Consumer<List<T>> written) {
        this.period = period;
        this.acceptedSink = acceptedSink;
        this.rejectSink = rejectSink;
        this.written = written;
    }

    @Override
    public void write(Chunk<? extends IntakeItem<T>> chunk) {
        List<T> accepted = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (IntakeItem<T> item : chunk) {
            if (item.isAccepted()) {
                accepted.add(item.accepted());
            } else {
                rejects.add(item.reject());
            }
        }
        if (!accepted.isEmpty()) {
            acceptedSink.accept(period, accepted);
        }
        if (!rejects.isEmpty()) {
            rejectSink.accept(period, rejects);
        }
        written.accept(accepted);
    }
}
