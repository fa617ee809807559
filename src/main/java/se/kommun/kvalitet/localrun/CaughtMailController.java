package se.kommun.kvalitet.localrun;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the mails the embedded catcher has received, newest first (admins only, see security). */
@Controller
@Conditional(NoExternalMailServerCondition.class)
class CaughtMailController {

    private final GreenMail mailCatcher;

    CaughtMailController(GreenMail mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @GetMapping("/admin/mail")
    String caughtMail(Model model) {
        List<CaughtMail> mails = Arrays.stream(mailCatcher.getReceivedMessages())
                .map(CaughtMail::of)
                .sorted(Comparator.comparing(CaughtMail::received).reversed())
                .toList();
        model.addAttribute("mails", mails);
        return "admin/mail";
    }

    record CaughtMail(Instant received, String to, String subject, String body) {

        static CaughtMail of(MimeMessage message) {
            try {
                Instant received = message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant();
                Address[] recipients = message.getAllRecipients();
                String to = recipients == null ? "" : String.join(", ",
                        Arrays.stream(recipients).map(Address::toString).toList());
                return new CaughtMail(received, to, message.getSubject(), MailText.plainText(message));
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable caught mail", e);
            }
        }
    }
}
