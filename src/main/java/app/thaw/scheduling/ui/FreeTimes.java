package app.thaw.scheduling.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.scheduling.SlotSuggestion;

/** The free-slot finder's suggestions as buttons; choosing one fills in the time and the room. */
class FreeTimes extends Div {

    private final Consumer<SlotSuggestion> onPick;

    FreeTimes(Consumer<SlotSuggestion> onPick) {
        this.onPick = onPick;
        addClassName("free-times");
        setVisible(false);
    }

    void show(List<SlotSuggestion> slots, int days) {
        removeAll();
        setVisible(true);
        if (slots.isEmpty()) {
            add(new Paragraph("No free times in the next " + days + " days for this therapist, format and the "
                    + "client's stated availability."));
            return;
        }
        add(new Paragraph("Free times (fitting the client's stated days and times). Choose one:"));
        var list = new Div();
        list.addClassName("free-times-list");
        for (SlotSuggestion slot : slots) {
            String text = DiaryFormat.when(slot.start()) + (slot.roomName() == null ? "" : " · " + slot.roomName());
            var pick = new Button(text, click -> onPick.accept(slot));
            pick.addThemeVariants(ButtonVariant.LUMO_SMALL);
            pick.addClassName("free-time");
            list.add(pick);
        }
        add(list);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }
}
