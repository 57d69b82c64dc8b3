/** The input records the core works on (roster, bookings, splits, owners, FX rates...), as intake stores them. */
package io.compclose.core.input;
