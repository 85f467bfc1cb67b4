package app.thaw.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords in Unicode NFKC, so "é" typed as one character on a laptop and as "e" plus an
 * accent on a phone is the same password. ASCII passwords are unchanged, so existing hashes still match.
 */
final class NormalisingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    NormalisingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return delegate.encode(normalise(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return delegate.matches(normalise(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static @Nullable String normalise(@Nullable CharSequence raw) {
        return raw == null ? null : PasswordPolicy.normalise(raw.toString());
    }
}
