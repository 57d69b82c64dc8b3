package io.compclose.payout;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payroll files, bound from {@code compclose.payroll.*}.
 *
 * @param layouts layout files ({@code jobs/payroll-layouts/adp.yaml}), each written as
 *                {@code payroll-<period>.<name>.csv} beside the generic file; none by default
 */
@ConfigurationProperties("compclose.payroll")
public record PayrollProperties(@DefaultValue List<Path> layouts) {
}
