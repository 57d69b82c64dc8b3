package io.compclose.core.crediting;

import java.math.BigDecimal;

import io.compclose.core.input.Role;

/**
 * One crediting rule of crediting.yaml.
 *
 * @param when   a condition over the booking (SpEL, read-only), or null for every booking
 * @param share  the share of the booking's value granted (PRIMARY takes it from owner or splits)
 * @param role   OVERLAY: the account-owner role credited; TEAM: the only role credited, or null
 * @param levels ROLLUP: how many managers up the hierarchy, or null for all
 */
public record CreditRule(String id, CreditKind kind, String when, BigDecimal share, Role role, Integer levels) {
}
