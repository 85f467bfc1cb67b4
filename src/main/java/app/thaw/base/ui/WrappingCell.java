package app.thaw.base.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * A grid cell whose text wraps inside its column, breaking inside a long word only when it must, so a staff list
 * fits a tablet without the wrap variant's side effects on the cells that must stay on one line (a reference, a date).
 */
public final class WrappingCell {

    private WrappingCell() {
    }

    /** The text on as many lines as its column needs. */
    public static <T> LitRenderer<T> of(ValueProvider<T, String> text) {
        return LitRenderer.<T>of("<span class=\"cell-wrap\">${item.text}</span>").withProperty("text", text);
    }

    /** An address that breaks at its "@" first, inside a part only if that part alone is wider than the column. */
    public static <T> LitRenderer<T> email(ValueProvider<T, String> address) {
        return LitRenderer.<T>of("<span class=\"cell-wrap\">${item.mailbox}<wbr>${item.domain}</span>")
                .withProperty("mailbox", item -> mailbox(address.apply(item)))
                .withProperty("domain", item -> domain(address.apply(item)));
    }

    static String mailbox(String address) {
        return address.substring(0, address.indexOf('@') + 1);
    }

    static String domain(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
