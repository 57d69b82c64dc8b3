/** Money as BigDecimal with an explicit currency, and the one rounding policy. No Spring here. */
package io.compclose.core.money;
