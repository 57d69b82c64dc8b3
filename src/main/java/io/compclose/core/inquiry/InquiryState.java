package io.compclose.core.inquiry;

/**
 * Where an inquiry stands: raised, answered by finance (any number of times), then resolved once, with no
 * change or with an adjustment. A resolved inquiry takes no more answers.
 */
public enum InquiryState {
    OPEN, ANSWERED, NO_CHANGE, ADJUSTED;

    public boolean resolved() {
        return this == NO_CHANGE || this == ADJUSTED;
    }

    /** The state after finance answers; refused once resolved. */
    public InquiryState answered() {
        refuseIfResolved("answered");
        return ANSWERED;
    }

    /** The state after finance resolves it, with an adjustment or without; refused once resolved. */
    public InquiryState resolvedWith(boolean adjustment) {
        refuseIfResolved("resolved");
        return adjustment ? ADJUSTED : NO_CHANGE;
    }

    /** "open", "answered", "resolved: no change", "resolved: adjusted" */
    public String describe() {
        return switch (this) {
            case OPEN -> "open";
            case ANSWERED -> "answered";
            case NO_CHANGE -> "resolved: no change";
            case ADJUSTED -> "resolved: adjusted";
        };
    }

    private void refuseIfResolved(String step) {
        if (resolved()) {
            throw new InquiryException("This inquiry is already " + describe() + "; it cannot be " + step + " again.");
        }
    }
}
