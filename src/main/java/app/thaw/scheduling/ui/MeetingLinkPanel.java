package app.thaw.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.MeetingLinks;

/** The video-meeting link of online sessions, the practice's or one therapist's (theirs wins). */
class MeetingLinkPanel extends Div {

    MeetingLinkPanel(MeetingLinks links, @Nullable Long therapistId) {
        addClassName("meeting-link");
        var url = new TextField(therapistId == null ? "Practice video-meeting link" : "Video-meeting link");
        url.setId(therapistId == null ? "practice-meeting-link" : "therapist-meeting-link");
        url.setMaxLength(MeetingLinks.URL_MAX);
        url.setWidth("32em");
        url.setHelperText(therapistId == null ? "Used for online sessions of therapists who have no link of their own."
                : "Clients of this therapist's online sessions get this link; empty: the practice's.");
        url.setValue(links.own(StaffId.ofNullable(therapistId)).orElse(""));
        var save = new Button("Save link", click -> links.set(StaffId.ofNullable(therapistId),
                url.getValue()).ifPresentOrElse(problem -> {
            url.setInvalid(true);
            url.setErrorMessage(problem);
        }, () -> {
            url.setInvalid(false);
            Notification.show("Meeting link saved");
        }));
        add(url, save);
        if (therapistId == null) {
            add(new Paragraph("Confirmations, reminders, calendar invitations and the client's page show the link "
                    + "for online sessions only."));
        }
    }
}
