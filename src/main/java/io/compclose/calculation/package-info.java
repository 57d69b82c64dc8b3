/** The calculation steps: read each rep's history, call the core's calculators, store what they return. */
package io.compclose.calculation;
