/** The calculation: credits and plan in, earning lines, payouts and their explanations out. */
package io.compclose.core.calculation;
