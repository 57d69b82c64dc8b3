/**
 * Reads the rule files of an inbox, the plans and the crediting rules (YAML), into the core's model,
 * refusing a file that cannot be right.
 */
package io.compclose.plan;
