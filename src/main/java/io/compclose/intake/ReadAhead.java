package io.compclose.intake;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a large file's rows on a thread of its own, up to a few chunks ahead of the step. Parsing
 * the next rows then overlaps the step's validation and, above all, the database's work on the chunk
 * just written: on two cores the parse of 5M usage rows no longer adds to loadUsage's time.
 * <p>
 * The step still sees the rows one by one, in file order, and a row the source cannot read fails
 * the step at that row, after the rows before it. The count of rows handed to the step is this
 * reader's, kept under the source's name, so a restart skips exactly the committed rows; the rows
 * read ahead but not committed are read again.
 * <p>
 * {@link #processing} also validates each row on that thread, in file order, so that the step's own
 * thread only writes: on the reference month the step's thread spent a third of its time validating
 * usage while the database, between chunks, waited for it.
 */
public final class ReadAhead<T> extends AbstractItemCountingItemStreamItemReader<T> {

    /** Rows pass between the threads in blocks: one hand-over per row would cost more than it saves. */
    static final int BLOCK = 500;
    private static final Object END = new Object();

    private final AbstractItemCountingItemStreamItemReader<?> source;
    /** The source's next row as the step takes it (processed, where it is), or null at its end. */
    private final Callable<T> nextRow;
    private final int blocksAhead;
    private BlockingQueue<List<Object>> blocks;
    private Thread reader;
    private Iterator<Object> block;
    private boolean ended;

    /** @param rowsAhead how many rows may wait read but not yet taken: a chunk or two */
    public ReadAhead(AbstractItemCountingItemStreamItemReader<T> source, int rowsAhead) {
        this(source, rowsAhead, row -> row);
    }

    private <S> ReadAhead(AbstractItemCountingItemStreamItemReader<S> source, int rowsAhead,
            Function<? super S, ? extends T> process) {
        this.source = source;
        this.nextRow = () -> {
            S row = source.read();
            return row == null ? null : Objects.requireNonNull(process.apply(row), "processed row");
        };
        this.blocksAhead = Math.max(1, rowsAhead / BLOCK);
        setName(source.getName());
    }

    /**
     * Reads ahead and applies {@code process} to each row on the read-ahead thread, one row after the
     * other in file order; its failure fails the step at that row, as the source's does.
     */
    public static <S, T> ReadAhead<T> processing(AbstractItemCountingItemStreamItemReader<S> source, int rowsAhead,
            Function<? super S, ? extends T> process) {
        return new ReadAhead<>(source, rowsAhead, process);
    }

    /** The source's own failure, to be thrown where its row would have been. */
    private record Failure(Exception cause) {
    }

    @Override
    protected void doOpen() {
        // the source opens here, so a missing file or header fails the open as before; this reader
        // keeps the count, so the source starts at its first row and a restart skips through this reader
        source.open(new ExecutionContext());
        blocks = new ArrayBlockingQueue<>(blocksAhead);
        block = null;
        ended = false;
        reader = new Thread(this::readAll, getName() + "-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        List<Object> next = new ArrayList<>(BLOCK);
        try {
            try {
                for (T row = nextRow.call(); row != null; row = nextRow.call()) {
                    next.add(row);
                    if (next.size() == BLOCK) {
                        blocks.put(next);
                        next = new ArrayList<>(BLOCK);
                    }
                }
                next.add(END);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                next.add(new Failure(e));
            }
            blocks.put(next);
        } catch (InterruptedException e) {
            // closed before the file was read to its end: nothing waits for the rest
            Thread.currentThread().interrupt();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T doRead() throws Exception {
        if (ended) {
            return null;
        }
        while (block == null || !block.hasNext()) {
            block = blocks.take().iterator();
        }
        Object next = block.next();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Failure failure) {
            ended = true;
            throw failure.cause();
        }
        return (T) next;
    }

    @Override
    protected void doClose() throws InterruptedException {
        if (reader != null) {
            reader.interrupt();
            reader.join();
            reader = null;
        }
        blocks = null;
        block = null;
        source.close();
    }
}
