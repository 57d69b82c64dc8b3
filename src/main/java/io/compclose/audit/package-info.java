/** The audit trail: who ran, approved, locked and re-sent what, append-only. */
package io.compclose.audit;
