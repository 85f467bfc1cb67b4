package app.thaw.scheduling.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import org.jspecify.annotations.Nullable;

import app.thaw.scheduling.SeriesResult;
import app.thaw.scheduling.SeriesResult.Clash;

/**
 * The occurrences of a series that could not be booked, each with its reason and a way to pick another
 * time for it; the rest of the series is already in the diary.
 */
class SeriesClashes extends Div {

    private final Consumer<SeriesResult.Clash> onMove;
    private final List<SeriesResult.Clash> pending = new ArrayList<>();
    private @Nullable Clash moving;
    private String summary = "";

    SeriesClashes(Consumer<SeriesResult.Clash> onMove) {
        this.onMove = onMove;
        addClassName("series-clashes");
        getElement().setAttribute("role", "alert");
        // focused when shown, which also scrolls it into view
        getElement().setAttribute("tabindex", "-1");
        setVisible(false);
    }

    void show(SeriesResult result) {
        pending.clear();
        pending.addAll(result.clashes());
        moving = null;
        int total = result.booked().size() + result.clashes().size();
        summary = "Booked " + result.booked().size() + " of " + total + " sessions. "
                + (pending.size() == 1 ? "This time clashed" : "These times clashed")
                + ": choose another time for each and book it.";
        render();
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The clash being moved was booked at another time. */
    void movedOne() {
        if (moving != null) {
            pending.remove(moving);
            moving = null;
        }
        render();
    }

    private void render() {
        removeAll();
        setVisible(!pending.isEmpty());
        if (pending.isEmpty()) {
            return;
        }
        var list = new UnorderedList();
        for (SeriesResult.Clash clash : pending) {
            var when = new Span(DiaryFormat.when(clash.start()));
            when.addClassName("clash-when");
            var move = new Button("Choose another time", click -> {
                moving = clash;
                onMove.accept(clash);
            });
            move.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var item = new ListItem(when, new Span(" — " + clash.message() + " "), move);
            item.addClassName("clash");
            list.add(item);
        }
        var heading = new Paragraph(summary);
        heading.addClassName("dialog-problem");
        add(heading, list);
    }
}
