package io.compclose.intake;

/** The outcome of validating one row: either the accepted value or the reject, never both. */
public record IntakeItem<T>(T accepted, Reject reject) {

    public static <T> IntakeItem<T> accept(T value) {
        return new IntakeItem<>(value, null);
    }

    public static <T> IntakeItem<T> reject(Reject reject) {
        return new IntakeItem<>(null, reject);
    }

    public boolean isAccepted() {
        return accepted != null;
    }
}
