package io.compclose.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends one statement: claims it in the delivery log (at most once), then tries the channel,
 * waiting and trying again while the failure is transient, and records the outcome. A permanent
 * refusal is recorded and reported, not thrown, so the other reps are still served; a fatal one
 * (the login is refused) stops delivery.
 */
public record Postman(MailChannel channel, DeliveryRepository log, DeliveryProperties settings) {

    public enum Result { SENT, ALREADY_HANDLED, FAILED_PERMANENT, FAILED_TRANSIENT }

    /** What happened to one statement; {@code failure} is null unless it failed. */
    public record Outcome(Result result, int attempts, SendFailure failure) {
    }

    /** Told each outcome of a chunk as it comes; throws to stop the chunk (the server seems down). */
    @FunctionalInterface
    public interface OutcomeCheck {
        void check(Delivery delivery, Outcome outcome) throws Exception;
    }

    /** How one claimed send ended, to record; {@code stop} is thrown once it is recorded, if not null. */
    private record Attempted(DeliveryRepository.Attempt record, Outcome outcome, Exception stop) {
    }

    /** @param requestedBy who asked for a resend, or null for the close's own send */
    public Outcome deliver(Delivery delivery, String requestedBy) throws Exception {
        return deliver(delivery, channel.newMessage(delivery), requestedBy);
    }

    /** Sends a message built elsewhere (an inquiry's) as {@link #deliver(Delivery, String)} sends a statement. */
    public Outcome deliver(Delivery delivery, MimeMessage message, String requestedBy) throws Exception {
        if (!log.claim(delivery, channel.name(), requestedBy)) {
            return new Outcome(Result.ALREADY_HANDLED, 0, null);
        }
        Attempted attempted = attempt(message, delivery);
        log.record(List.of(attempted.record()));
        stopIfAsked(attempted);
        return attempted.outcome();
    }

    /**
     * The close's own sends of a chunk, each as {@link #deliver} sends it. Through the outbox, whose files
     * tell a restart what was sent, the chunk is claimed in one commit and its outcomes recorded in
     * another, instead of two commits per email; through SMTP each is claimed and recorded on its own,
     * so a crash leaves at most one send whose fate is unknown.
     */
    public void deliverAll(List<? extends Delivery> deliveries, OutcomeCheck after) throws Exception {
        if (!channel.tellsWhatWasSent()) {
            for (Delivery delivery : deliveries) {
                after.check(delivery, deliver(delivery, null));
            }
            return;
        }
        List<MimeMessage> messages = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            messages.add(channel.newMessage(delivery));
        }
        List<Boolean> claimed = log.claimAll(deliveries, channel.name());
        List<DeliveryRepository.Attempt> records = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries.size(); i++) {
                if (!claimed.get(i)) {
                    after.check(deliveries.get(i), new Outcome(Result.ALREADY_HANDLED, 0, null));
                    continue;
                }
                Attempted attempted = attempt(messages.get(i), deliveries.get(i));
                messages.set(i, null); // sent: its PDF need not stay in memory
                records.add(attempted.record());
                if (attempted.stop() != null) {
                    log.record(records);
                    records.clear();
                    stopIfAsked(attempted);
                }
                after.check(deliveries.get(i), attempted.outcome());
            }
        } finally {
            log.record(records);
        }
    }

    /** Throws what stopped the attempts, once they are recorded; an interrupted thread is left interrupted. */
    private static void stopIfAsked(Attempted attempted) throws Exception {
        if (attempted.stop() instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (attempted.stop() != null) {
            throw attempted.stop();
        }
    }

    /** Tries the channel until it takes the message or the failure is not worth another try. */
    private Attempted attempt(MimeMessage message, Delivery delivery) {
        for (int attempt = 1; ; attempt++) {
            try {
                channel.send(message, delivery);
                return new Attempted(DeliveryRepository.Attempt.sent(delivery, attempt),
                        new Outcome(Result.SENT, attempt, null), null);
            } catch (Exception e) {
                SendFailure failure = SendFailure.of(e);
                if (failure.kind() == SendFailure.Kind.FATAL) {
                    return new Attempted(DeliveryRepository.Attempt.failed(delivery, attempt, failure.reason()), null,
                            new DeliveryFailedException(delivery, e));
                }
                if (failure.kind() == SendFailure.Kind.PERMANENT || attempt >= settings.attempts()) {
                    String kind = failure.kind() == SendFailure.Kind.PERMANENT ? "permanent" : "transient";
                    return new Attempted(DeliveryRepository.Attempt.failed(delivery, attempt, kind + ", " + attempt
                            + " attempt" + (attempt > 1 ? "s" : "") + ": " + failure.reason()),
                            new Outcome(failure.kind() == SendFailure.Kind.PERMANENT ? Result.FAILED_PERMANENT
                                    : Result.FAILED_TRANSIENT, attempt, failure), null);
                }
                try {
                    Thread.sleep(backoff(attempt).toMillis());
                } catch (InterruptedException stopped) {
                    return new Attempted(DeliveryRepository.Attempt.failed(delivery, attempt,
                            "interrupted while waiting to try again: " + failure.reason()), null, stopped);
                }
            }
        }
    }

    /** The wait after attempt n: the configured back-off, doubled for each attempt after the first. */
    Duration backoff(int attempt) {
        return settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
