package app.thaw.notification;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.security.SystemActor;

/** Runs the sender on every instance; row locks share the work out. Without a mail server it has nothing to do. */
@Component
class OutboxJob {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxSender sender;
    private final Clock clock;

    OutboxJob(ObjectProvider<JavaMailSender> mailSender, OutboxSender sender, Clock clock) {
        this.mailSender = mailSender;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${thaw.mail.send-interval:30s}",
            initialDelayString = "${thaw.mail.send-interval:30s}")
    public void run() {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail != null) {
            SystemActor.run(() -> sender.sendDue(mail, clock.instant()));
        }
    }
}
