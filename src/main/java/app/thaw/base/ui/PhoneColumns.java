package app.thaw.base.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.ValueProvider;

import org.jspecify.annotations.Nullable;

/**
 * A grid's columns for a wide screen, or one column of cards on a phone: side by side, a grid's columns ran past a
 * phone's edge. The window's width when the page opens decides (a window narrowed later scrolls the grid sideways);
 * no resize listener is kept per page, whose server-side state counts against the memory a session may use.
 */
public final class PhoneColumns<T> {

    /**
     * Up to this window width a staff page is laid out for a phone, as the stylesheet's narrow layout is: a phone on
     * its side or a tablet in split view (600–767 px) scrolled every wide list sideways by up to 118 px.
     */
    public static final int PHONE_WIDTH = 767;

    private final Grid<T> grid;
    private List<Grid.Column<T>> wide = List.of();
    private @Nullable Supplier<Grid.Column<T>> cards;
    /** Made the first time the page is shown on a phone: a wide screen's sessions never hold it. */
    private Grid.@Nullable Column<T> phone;

    /** The wide columns and the way to make the cards' column, given at once: see {@link #PhoneColumns(Grid)}. */
    public PhoneColumns(Grid<T> grid, List<Grid.Column<T>> wide, Supplier<Grid.Column<T>> cards) {
        this(grid);
        arrange(wide, cards);
    }

    /**
     * Columns arranged after: a grid whose cells hold components makes them through this object
     * ({@link #addWideComponentColumn}, {@link #addCardComponentColumn}), then {@link #arrange}s them. Each time the
     * grid is shown it asks the browser for the window's width; the answer comes with the page load, so the first
     * render already fits.
     */
    public PhoneColumns(Grid<T> grid) {
        this.grid = grid;
        grid.addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(
                details -> fitTo(details.getWindowInnerWidth())));
    }

    /** The columns a wide screen shows, and the way to make the one column of cards that stands in for them. */
    public void arrange(List<Grid.Column<T>> wide, Supplier<Grid.Column<T>> cards) {
        if (this.cards != null) {
            throw new IllegalStateException("The grid's columns are arranged already");
        }
        this.wide = List.copyOf(wide);
        this.cards = cards;
    }

    /**
     * A wide column of components, made only while the wide columns show. A hidden component column still makes its
     * components for every row sent: a button in both a card and a hidden cell had its id twice, and the session held
     * both.
     */
    public Grid.Column<T> addWideComponentColumn(ValueProvider<T, ? extends Component> cell) {
        // null leaves the hidden cell empty (Vaadin puts an empty text there)
        return grid.addComponentColumn(row -> cardsShown() ? null : cell.apply(row));
    }

    /** The column of cards as components, made only while the cards show (see {@link #addWideComponentColumn}). */
    public Grid.Column<T> addCardComponentColumn(ValueProvider<T, ? extends Component> card) {
        return grid.addComponentColumn(row -> cardsShown() ? card.apply(row) : null);
    }

    /** A window this wide is a phone's; a width of 0 or less (not told) counts as wide. */
    public static boolean phoneWide(int windowWidth) {
        return windowWidth > 0 && windowWidth <= PHONE_WIDTH;
    }

    /** One column of cards up to a phone's width, else the wide columns; a width of 0 (not told) counts as wide. */
    public void fitTo(int windowWidth) {
        Supplier<Grid.Column<T>> makeCards = cards;
        // a grid shown before its columns are arranged has nothing to fit yet
        if (makeCards == null) {
            return;
        }
        boolean narrow = phoneWide(windowWidth);
        if (narrow && phone == null) {
            phone = makeCards.get();
            phone.setVisible(false);
        }
        if (phone != null && phone.isVisible() != narrow) {
            phone.setVisible(narrow);
            wide.forEach(column -> column.setVisible(!narrow));
            // rows already sent to the browser lack the cards' values, or the cells a component column makes only
            // while shown: send them again with them
            grid.getDataCommunicator().reset();
        }
    }

    /** Whether the cards stand in for the wide columns now. */
    private boolean cardsShown() {
        return phone != null && phone.isVisible();
    }
}
