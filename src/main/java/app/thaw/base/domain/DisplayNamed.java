package app.thaw.base.domain;

/** Anything shown to people by a name, such as the signed-in staff member in the layout. */
public interface DisplayNamed {

    String displayName();
}
