package io.compclose.delivery;

/** Delivery cannot go on (the server refuses the login, or refuses statement after statement); restartable. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(Delivery delivery, Exception cause) {
        super("statement " + delivery.period() + " of rep " + delivery.repId() + " to " + delivery.recipient()
                + " was not delivered", cause);
    }

    public DeliveryFailedException(String message) {
        super(message);
    }
}
