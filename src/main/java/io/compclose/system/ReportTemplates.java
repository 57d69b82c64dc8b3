package io.compclose.system;

import java.io.IOException;
import java.io.InputStream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/** JasperReports templates from {@code reports/} on the classpath. */
public final class ReportTemplates {

    private ReportTemplates() {
    }

    /** Compiles a template; compiling takes far longer than filling, so callers do it once. */
    public static JasperReport compile(String resource) {
        try (InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("Cannot compile " + resource, e);
        }
    }
}
