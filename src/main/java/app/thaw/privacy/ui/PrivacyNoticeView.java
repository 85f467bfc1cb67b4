package app.thaw.privacy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.PracticeProfile;
import app.thaw.base.ui.PublicLayout;
import app.thaw.privacy.PrivacyNotice;
import app.thaw.privacy.PrivacyNotices;

/**
 * The privacy notice the consent step asks people to read before they tick "I have read the privacy notice": what the
 * practice keeps, why, who sees it, for how long and the person's rights, in plain words, with the practice's own
 * details and retention periods.
 */
@Route(value = PublicLayout.PRIVACY_NOTICE, layout = PublicLayout.class)
@PageTitle("Privacy notice · Thaw")
@AnonymousAllowed
public class PrivacyNoticeView extends Div {

    public PrivacyNoticeView(PrivacyNotices notices) {
        addClassName("privacy-notice");
        PrivacyNotice notice = notices.current();
        PracticeProfile practice = notice.practice();
        var version = new Paragraph("Version " + notice.version()
                + ". This is the notice the form's consent step refers to.");
        version.addClassName("privacy-notice-version");
        add(new H1("Privacy notice"),
                new Paragraph("How " + practice.name() + " looks after what you tell us, in plain words."), version,
                new H2("Who we are"),
                new Paragraph(practice.name() + " is responsible for your information (the \"controller\" under UK "
                        + "data protection law). You can ask us about anything in this notice:"),
                contact(practice),
                new H2("What we keep"),
                list("What you tell us on the form: your name, date of birth, contact details and which ways of "
                                + "contacting you are safe, and your answers about how you feel, your relationship, "
                                + "your health and your safety.",
                        "Your sessions: when and where they are, and whether they took place.",
                        "What your therapist writes after each session, and the short questionnaires you fill in "
                                + "before sessions to see how things are going.",
                        "What you ask us through your status page, such as moving a session."),
                new H2("Why we keep it"),
                new Paragraph("We use your information to decide with you how best to help, to arrange and hold your "
                        + "sessions, and to keep you safe. Information about your mental and physical health is "
                        + "\"special category\" data: we keep it only with the explicit consent you give on the form "
                        + "(UK GDPR Articles 6(1)(a) and 9(2)(a)). Your contact details and sessions are also kept to "
                        + "provide the sessions you ask for (Article 6(1)(b))."),
                new Paragraph("If we believe you or someone else is at serious risk of harm, we may share what is "
                        + "needed to keep people safe with the emergency services or your GP, without your consent. "
                        + "Where we can, we talk with you first."),
                new H2("Who can see it"),
                list("Your answers and session notes: the therapists who work with you, and, until a therapist has "
                                + "taken your form, the practice's therapists, so that one can.",
                        "Our practice manager sees your name, contact details and sessions, to run the diary, but "
                                + "not your answers or notes (unless you ask for a copy of your information, which "
                                + "they send you).",
                        "If you come as a couple, each of you fills in your own form. Your partner never sees your "
                                + "answers, and you never see theirs.",
                        "Every time a member of staff reads your answers or notes, or changes anything, it is "
                                + "recorded.",
                        "We don't sell your information or use it for marketing. We share it outside the practice "
                                + "only as this notice says, or if you ask us to."),
                new H2("How we contact you"),
                new Paragraph("Only in the ways you tell us are safe. Our emails say when and where a session is, "
                        + "never what you told us."),
                new H2("How we keep it safe"),
                new Paragraph("Your answers and your therapist's notes are stored encrypted. Staff sign in with a "
                        + "password and a code from their phone, and each sees only what their role needs."),
                new H2("How long we keep it"),
                list("If you have sessions with us: " + years(notice) + " after your case is closed.",
                        "If you don't go on to have sessions: " + months(notice) + " after your form is closed "
                                + "(or sent, if it is never closed).",
                        "After that your name, contact details, date of birth and everything you wrote are deleted. "
                                + "What remains can't be linked to you (questionnaire scores, the choices you ticked, "
                                + "the dates of sessions) and is kept for the practice's figures."),
                new H2("Your rights"),
                list("To get a copy of what we hold about you. It is free, and we reply within one month.",
                        "To have anything wrong corrected.",
                        "To ask us to delete your information, unless the law requires us to keep it.",
                        "To ask us to limit how we use it, or to object to a use.",
                        "To withdraw your consent at any time. We then stop using your health information; this may "
                                + "mean we can no longer offer you sessions, and we will talk with you about other "
                                + "support."),
                new Paragraph("To use any of these, call or email us. If you are unhappy with how we have handled "
                        + "your information, please tell us. You can also complain to the Information "
                        + "Commissioner's Office: ico.org.uk/make-a-complaint, or call 0303 123 1113."));
    }

    private static Component contact(PracticeProfile practice) {
        var lines = new Div();
        lines.addClassName("privacy-notice-contact");
        practice.addressLines().forEach(line -> lines.add(new Div(line)));
        var phone = new Anchor();
        phone.setText(practice.phone());
        // the practice's own number from Practice details (staff only), never typed by a client
        phone.setUnsafeHref("tel:" + practice.phone().replaceAll("[^0-9+]", ""));
        var email = new Anchor("mailto:" + practice.email(), practice.email());
        lines.add(new Div(new Span("Phone "), phone), new Div(new Span("Email "), email));
        return lines;
    }

    private static String years(PrivacyNotice notice) {
        int years = notice.retention().clinicalYears();
        return years == 1 ? "1 year" : years + " years";
    }

    private static String months(PrivacyNotice notice) {
        int months = notice.retention().nonClientMonths();
        return months == 1 ? "1 month" : months + " months";
    }

    private static UnorderedList list(String... items) {
        var list = new UnorderedList();
        for (String item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }
}
