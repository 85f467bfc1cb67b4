package app.thaw.base.ui;

/**
 * Up to which window width a staff page lays itself out for a phone; the stylesheet's narrow layout starts at the
 * same width (600 px).
 */
public final class PhoneWidth {

    public static final int MAX = 600;

    private PhoneWidth() {
    }

    /** A width of 0 means the browser did not say: laid out for a wide screen, as before. */
    public static boolean isPhone(int windowWidth) {
        return windowWidth > 0 && windowWidth <= MAX;
    }
}
