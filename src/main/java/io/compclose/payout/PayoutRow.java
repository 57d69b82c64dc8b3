package io.compclose.payout;

import java.math.BigDecimal;

/** One row of the payroll export: what one rep is paid under one earning code. */
public record PayoutRow(String employeeId, String repId, String payPeriod, String earningCode, BigDecimal amount,
        String currency) {
}
