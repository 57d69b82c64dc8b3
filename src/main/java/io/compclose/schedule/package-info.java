/**
 * The job catalog: one YAML file per scheduled job (what runs, when, for which period, from which
 * inbox), read and validated before anything is scheduled. Plain Java but for Spring's cron
 * parser; {@code serve} runs it.
 */
package io.compclose.schedule;
