/** The tie rules of reconciliation and the review rules, over a snapshot of control totals. */
package io.compclose.core.reconciliation;
