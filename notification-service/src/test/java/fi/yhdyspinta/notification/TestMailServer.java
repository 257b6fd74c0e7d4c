package fi.yhdyspinta.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import fi.yhdyspinta.infra.FreePorts;

/** A real SMTP server (GreenMail) in the test JVM, started once on a free port. */
public final class TestMailServer {

    static final String HOST = "127.0.0.1";

    private static volatile TestMailServer instance;

    private final GreenMail greenMail;
    private final int smtpPort;

    private TestMailServer(GreenMail greenMail, int smtpPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
    }

    public static synchronized TestMailServer get() {
        if (instance == null) {
            int port = FreePorts.next();
            GreenMail server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-server-stop"));
            instance = new TestMailServer(server, port);
        }
        return instance;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** A mail as received: recipients, subject and text body. */
    public record ReceivedMail(List<String> to, String subject, String body) {
    }

    /** Everything received so far for the address. */
    public List<ReceivedMail> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(TestMailServer::read)
                .filter(mail -> mail.to().contains(address)).toList();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            List<String> to = recipients == null ? List.of()
                    : Arrays.stream(recipients).map(Address::toString).toList();
            return new ReceivedMail(to, message.getSubject(), GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
