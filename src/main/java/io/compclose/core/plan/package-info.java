/** The plan model: components, rate tables, thresholds, plan terms. Read from YAML by {@code io.compclose.plan}. */
package io.compclose.core.plan;
