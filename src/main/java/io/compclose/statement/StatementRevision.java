package io.compclose.statement;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A statement that replaces one already sent: which version it replaces, when that was rendered,
 * and what changed, in words.
 */
public record StatementRevision(int replacesVersion, LocalDateTime replacesRenderedAt, List<String> changes) {

    public StatementRevision {
        changes = List.copyOf(changes);
    }
}
