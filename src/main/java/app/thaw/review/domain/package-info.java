/** Review cases, case notes, factor decisions and referrals as stored, with their repositories. */
@NullMarked
package app.thaw.review.domain;

import org.jspecify.annotations.NullMarked;
