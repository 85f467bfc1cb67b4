package app.thaw.base.domain;

/** A signed-in person whose role has its own first page, where "back to your workspace" leads. */
public interface HasHome {

    /** The route of that page, without a leading slash. */
    String home();
}
