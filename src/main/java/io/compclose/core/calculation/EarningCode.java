package io.compclose.core.calculation;

/** The earning codes of the payroll export (outputs.md). */
public enum EarningCode {
    COMMISSION, ACCELERATOR, BONUS, SPIFF, TEAM_POOL, MBO, DRAW, DRAW_RECOVERY, CLAWBACK, ADJUSTMENT
}
