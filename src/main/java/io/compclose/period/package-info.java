/** The pay period's lifecycle: reopening a closed period for a revision from corrected inputs. */
package io.compclose.period;
