package io.compclose.delivery;

/** A statement could not be handed to the mail channel; the close can be restarted to retry it. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(Delivery delivery, Exception cause) {
        super("statement " + delivery.period() + " of rep " + delivery.repId() + " to " + delivery.recipient()
                + " was not delivered", cause);
    }
}
