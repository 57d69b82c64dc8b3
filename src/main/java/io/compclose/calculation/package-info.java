/**
 * Calculation: the pure core that turns credits into earning lines under a plan (no Spring, no
 * SQL in the calculators), and the thin step around it.
 */
package io.compclose.calculation;
