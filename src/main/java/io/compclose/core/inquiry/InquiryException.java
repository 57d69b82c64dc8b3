package io.compclose.core.inquiry;

/** An inquiry step refused, with a message the person who asked can act on. */
public final class InquiryException extends RuntimeException {

    public InquiryException(String message) {
        super(message);
    }
}
