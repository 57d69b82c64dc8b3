/** Payouts per rep and earning code, and the payroll files built from them. */
package io.compclose.payout;
