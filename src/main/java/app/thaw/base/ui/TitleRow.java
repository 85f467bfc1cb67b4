package app.thaw.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * A page's heading with the page's main action beside it; on a phone the action moves under the heading, which a
 * side-by-side row squeezed to "Tea…" at 390 px.
 */
public final class TitleRow {

    private TitleRow() {
    }

    public static HorizontalLayout of(String title, Component action) {
        var row = new HorizontalLayout(new H2(title), action);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.addClassName("title-row");
        return row;
    }
}
