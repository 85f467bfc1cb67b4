/** How Thaw reaches PostgreSQL: the embedded server when no address is configured, replicas, partitions, transactions. */
@NullMarked
package app.thaw.base.database;

import org.jspecify.annotations.NullMarked;
