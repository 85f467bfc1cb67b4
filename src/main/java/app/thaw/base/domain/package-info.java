/** Building blocks every feature's entities use: the id and version base class, secret tokens, storable text. */
@NullMarked
package app.thaw.base.domain;

import org.jspecify.annotations.NullMarked;
