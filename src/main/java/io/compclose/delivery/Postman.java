package io.compclose.delivery;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;

/**
 * Sends one statement: claims it in the delivery log (at most once), then tries the channel,
 * waiting and trying again while the failure is transient, and records the outcome. A permanent
 * refusal is recorded and reported, not thrown, so the other reps are still served; a fatal one
 * (the login is refused) stops delivery.
 */
public final class Postman {

    public enum Result { SENT, ALREADY_HANDLED, FAILED_PERMANENT, FAILED_TRANSIENT }

    /** What happened to one statement; {@code failure} is null unless it failed. */
    public record Outcome(Result result, int attempts, SendFailure failure) {
    }

    private final MailChannel channel;
    private final DeliveryLog log;
    private final DeliveryProperties settings;

    public Postman(MailChannel channel, DeliveryLog log, DeliveryProperties settings) {
        this.channel = channel;
        this.log = log;
        this.settings = settings;
    }

    public String channelName() {
        return channel.name();
    }

    /** @param requestedBy who asked for a resend, or null for the close's own send */
    public Outcome deliver(Delivery delivery, String requestedBy) throws Exception {
        MimeMessage message = channel.newMessage(delivery);
        if (!log.claim(delivery, channel.name(), requestedBy)) {
            return new Outcome(Result.ALREADY_HANDLED, 0, null);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                channel.send(message, delivery);
                log.sent(delivery, attempt);
                return new Outcome(Result.SENT, attempt, null);
            } catch (Exception e) {
                SendFailure failure = SendFailure.of(e);
                if (failure.kind() == SendFailure.Kind.FATAL) {
                    log.failed(delivery, attempt, failure.reason());
                    throw new DeliveryFailedException(delivery, e);
                }
                if (failure.kind() == SendFailure.Kind.PERMANENT || attempt >= settings.attempts()) {
                    String kind = failure.kind() == SendFailure.Kind.PERMANENT ? "permanent" : "transient";
                    log.failed(delivery, attempt, kind + ", " + attempt + " attempt" + (attempt > 1 ? "s" : "")
                            + ": " + failure.reason());
                    return new Outcome(failure.kind() == SendFailure.Kind.PERMANENT ? Result.FAILED_PERMANENT
                            : Result.FAILED_TRANSIENT, attempt, failure);
                }
                try {
                    Thread.sleep(backoff(attempt).toMillis());
                } catch (InterruptedException stopped) {
                    log.failed(delivery, attempt, "interrupted while waiting to try again: " + failure.reason());
                    Thread.currentThread().interrupt();
                    throw stopped;
                }
            }
        }
    }

    /** The wait after attempt n: the configured back-off, doubled for each attempt after the first. */
    Duration backoff(int attempt) {
        return settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
