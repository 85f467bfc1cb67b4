/** Encryption of free-text clinical content at rest: the cipher, its keys and re-encryption under a new key. */
@NullMarked
package app.thaw.base.crypto;

import org.jspecify.annotations.NullMarked;
