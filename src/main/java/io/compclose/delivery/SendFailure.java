package io.compclose.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.mail.internet.AddressException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Why an email was not sent, and what that means for trying again. SMTP says it in the reply code:
 * 4xx is transient (try again later), 5xx permanent (this message to this address will not go).
 * A server that cannot be reached is transient; a rejected login stops delivery for everyone.
 */
public record SendFailure(Kind kind, String reason) {

    public enum Kind {
        /** Worth retrying: the server is busy, unreachable, or asked us to come back. */
        TRANSIENT,
        /** This statement to this address will not go: listed for finance, the others go on. */
        PERMANENT,
        /** Nothing can be sent until the configuration is fixed (e.g. the SMTP login is refused). */
        FATAL
    }

    public static SendFailure of(Exception e) {
        // Spring keeps the per-message failures beside the exception, not as its cause
        if (e instanceof MailSendException batch && batch.getMessageExceptions().length > 0
                && batch.getMessageExceptions()[0] != e) {
            return of(batch.getMessageExceptions()[0]);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MailAuthenticationException) {
                return new SendFailure(Kind.FATAL, "the mail server refused the login: " + t.getMessage());
            }
            if (t instanceof SMTPAddressFailedException refused) {
                return byReplyCode(refused.getReturnCode(), "recipient refused: " + oneLine(refused.getMessage()));
            }
            if (t instanceof SMTPSendFailedException refused) {
                return byReplyCode(refused.getReturnCode(), "message refused: " + oneLine(refused.getMessage()));
            }
            if (t instanceof AddressException bad) {
                return new SendFailure(Kind.PERMANENT, "not an email address: " + bad.getRef());
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return new SendFailure(Kind.TRANSIENT, "mail server unreachable: " + t);
            }
        }
        return new SendFailure(Kind.TRANSIENT, oneLine(String.valueOf(e.getMessage())));
    }

    private static SendFailure byReplyCode(int code, String reason) {
        return new SendFailure(code >= 500 ? Kind.PERMANENT : Kind.TRANSIENT, reason);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
