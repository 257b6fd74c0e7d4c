package fi.yhdyspinta.notification.service;

import io.quarkus.mailer.Mail;

/**
 * The e-mail that tells an organisation's mailbox that its inbox has a new item. It carries the item's
 * type and id only — no client id, henkilötunnus, name or referral content: e-mail is not a secure
 * channel, so the professional reads the item itself in the record system.
 */
final class NotificationMail {

    private NotificationMail() {
    }

    static Mail alert(EmailJob job) {
        String subject = "Yhdyspinta: new item " + job.type() + " in your inbox";
        String text = "Uusi ilmoitus Yhdyspinnan saapuneissa / A new item is waiting in your organisation's "
                + "Yhdyspinta inbox.\n\n"
                + "Type: " + job.type() + "\n"
                + "Item id: " + job.notificationId() + "\n\n"
                + "Open the Yhdyspinta inbox in your record system to read it.\n"
                + "This message is automatic and holds no client data; do not reply.\n";
        return Mail.withText(job.address(), subject, text);
    }
}
