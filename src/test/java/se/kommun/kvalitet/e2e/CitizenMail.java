package se.kommun.kvalitet.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** What a citizen finds in their mailbox: the last mail to them and the status link in it. */
final class CitizenMail {

    private CitizenMail() {
    }

    /** Mail jobs are executed synchronously by the tests, so the mail has arrived when the job returns. */
    static MimeMessage lastMailTo(GreenMail mailCatcher, String address) throws MessagingException {
        MimeMessage last = null;
        for (MimeMessage message : mailCatcher.getReceivedMessages()) {
            if (InternetAddress.toString(message.getAllRecipients()).contains(address)) {
                last = message;
            }
        }
        assertThat(last).as("a mail to %s", address).isNotNull();
        return last;
    }

    /** The status link names kvalitet.public-base-url (port 8080 in tests): point it at the test server. */
    static String statusLink(String mailText, String reference, String baseUrl) {
        Matcher link = Pattern.compile("http://localhost:8080(/arende/" + Pattern.quote(reference) + "\\?\\S+)")
                .matcher(mailText);
        assertThat(link.find()).as("a status link in:%n%s", mailText).isTrue();
        return baseUrl + link.group(1);
    }
}
