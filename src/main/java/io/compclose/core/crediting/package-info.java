/**
 * Who gets credit for a booking: the rules of crediting.yaml (owner or splits, overlays, team,
 * manager roll-up, sourced credit), applied by {@link io.compclose.core.crediting.Crediting}; every
 * credit keeps its rule, kind and lineage, and a booking no rule credits becomes an exception.
 */
package io.compclose.core.crediting;
