package io.compclose.intake;

import java.util.function.Function;

import org.springframework.batch.infrastructure.item.Chunk;

/** How a run loads one file's rows: each validated by the file's rules, then stored with the rejects. */
public class InputLoad<T> {

    private final Function<CsvRow, IntakeItem<T>> validation;
    private final IntakeWriter<T> writer;

    public InputLoad(Function<CsvRow, IntakeItem<T>> validation, IntakeWriter<T> writer) {
        this.validation = validation;
        this.writer = writer;
    }

    public IntakeItem<T> validate(CsvRow row) {
        return validation.apply(row);
    }

    /** Writes a chunk of the items {@link #validate} made. */
    @SuppressWarnings("unchecked")
    public void write(Chunk<? extends IntakeItem<?>> chunk) {
        writer.write((Chunk<? extends IntakeItem<T>>) chunk);
    }
}
