/** One PDF statement per rep per period, rendered with JasperReports from reports/statement.jrxml. */
package io.compclose.statement;
