/** Control totals at each hand-off of the close; a break stops the close before anything is paid. */
package io.compclose.reconciliation;
