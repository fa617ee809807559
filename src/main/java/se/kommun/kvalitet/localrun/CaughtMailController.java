package se.kommun.kvalitet.localrun;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
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
                return new CaughtMail(received, to, message.getSubject(), plainText(message));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable caught mail", e);
            }
        }

        /** The text/plain part, so the page shows what the citizen reads rather than raw MIME. */
        private static String plainText(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
    }
}
