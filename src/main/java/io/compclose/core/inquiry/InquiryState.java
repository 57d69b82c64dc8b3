package io.compclose.core.inquiry;

/**
 * Where an inquiry stands: raised, answered by finance (any number of times), then resolved once: with no
 * change, or with an adjustment that one finance user proposes and another approves. While a proposal waits it
 * takes no answers and no other resolution; a declined proposal leaves the inquiry answered (the decline is a
 * message). A resolved inquiry takes no more steps.
 */
public enum InquiryState {
    OPEN, ANSWERED, PROPOSED, NO_CHANGE, ADJUSTED;

    public boolean resolved() {
        return this == NO_CHANGE || this == ADJUSTED;
    }

    /** Whether an adjustment is proposed and waits for a second finance user. */
    public boolean waitingForApproval() {
        return this == PROPOSED;
    }

    /** The state after finance answers; refused once resolved or while a proposal waits. */
    public InquiryState answered() {
        refuseUnlessOpen("answered");
        return ANSWERED;
    }

    /** The state after finance resolves it with no change. */
    public InquiryState resolvedWithoutChange() {
        refuseUnlessOpen("resolved");
        return NO_CHANGE;
    }

    /** The state after finance proposes an adjustment: it waits for another finance user's approval. */
    public InquiryState adjustmentProposed() {
        refuseUnlessOpen("resolved");
        return PROPOSED;
    }

    /** The state after a second finance user approves the proposed adjustment. */
    public InquiryState approved() {
        refuseUnlessWaiting("approved");
        return ADJUSTED;
    }

    /** The state after the proposed adjustment is declined: answered, the decline's reason one of its messages. */
    public InquiryState declined() {
        refuseUnlessWaiting("declined");
        return ANSWERED;
    }

    /** "open", "answered", "adjustment proposed, waiting for approval", "resolved: no change", "resolved: adjusted" */
    public String describe() {
        return switch (this) {
            case OPEN -> "open";
            case ANSWERED -> "answered";
            case PROPOSED -> "adjustment proposed, waiting for approval";
            case NO_CHANGE -> "resolved: no change";
            case ADJUSTED -> "resolved: adjusted";
        };
    }

    private void refuseUnlessOpen(String step) {
        if (resolved()) {
            throw new InquiryException("This inquiry is already " + describe() + "; it cannot be " + step + " again.");
        }
        if (waitingForApproval()) {
            throw new InquiryException("This inquiry's adjustment waits for approval; approve or decline it before "
                    + "it is " + step + ".");
        }
    }

    private void refuseUnlessWaiting(String step) {
        if (!waitingForApproval()) {
            throw new InquiryException("This inquiry is " + describe() + ": it has no proposed adjustment to be "
                    + step + ".");
        }
    }
}
