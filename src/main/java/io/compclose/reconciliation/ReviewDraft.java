package io.compclose.reconciliation;

import io.compclose.system.CloseRun;

/**
 * Something that would go out once finance approves, written as a draft when the review gate stops the close so
 * finance can review it first. Stages after the gate implement it: the gate knows none of them.
 */
public interface ReviewDraft {

    void write(CloseRun run);
}
