package io.compclose.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Which failures are worth another attempt: the SMTP reply code decides, as RFC 5321 says. */
class SendFailureTests {

    @Test
    void aFourHundredIsTransientAFiveHundredPermanent() throws Exception {
        InternetAddress to = new InternetAddress("rep@example.com");
        SendFailure later = SendFailure.of(new MailSendException(Map.of("message",
                new SMTPAddressFailedException(to, "RCPT TO", 451, "4.7.1 greylisted"))));
        assertThat(later.kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
        assertThat(later.reason()).isEqualTo("recipient refused: 4.7.1 greylisted");

        SendFailure never = SendFailure.of(new MailSendException(Map.of("message",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "5.1.1 no such user"))));
        assertThat(never.kind()).isEqualTo(SendFailure.Kind.PERMANENT);

        SendFailure tooBig = SendFailure.of(new MessagingException("send",
                new SMTPSendFailedException("DATA", 552, "5.3.4 message too big", null, null, null, null)));
        assertThat(tooBig.kind()).isEqualTo(SendFailure.Kind.PERMANENT);
        assertThat(tooBig.reason()).isEqualTo("message refused: 5.3.4 message too big");
    }

    @Test
    void anUnreachableServerIsTransientARefusedLoginFatalABadAddressPermanent() {
        assertThat(SendFailure.of(new MailSendException("Mail server connection failed",
                new MessagingException("connect", new ConnectException("Connection refused")))).kind())
                .isEqualTo(SendFailure.Kind.TRANSIENT);
        assertThat(SendFailure.of(new MailAuthenticationException("535 5.7.8 bad credentials")).kind())
                .isEqualTo(SendFailure.Kind.FATAL);
        assertThat(SendFailure.of(new AddressException("Missing final '@domain'", "jon.snowe-at-example.com")))
                .isEqualTo(new SendFailure(SendFailure.Kind.PERMANENT, "not an email address: jon.snowe-at-example.com"));
    }
}
