/** Who may sign in and what each staff role may do: accounts, password hashing, the login page. */
@NullMarked
package app.thaw.security;

import org.jspecify.annotations.NullMarked;
