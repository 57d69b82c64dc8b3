/** Emailing statements at most once per (period, rep, version): SMTP, or .eml files in the outbox. */
package io.compclose.delivery;
