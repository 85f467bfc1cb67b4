/** Who may sign in and what each staff role may do: accounts, password hashing, the login page. */
package app.thaw.security;
