package io.compclose.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/** JasperReports templates from {@code reports/} on the classpath, and the PDFs they make. */
public final class ReportTemplates {

    private ReportTemplates() {
    }

    /**
     * A template compiled on its first use, not when the application starts: compiling takes seconds of CPU (and
     * loads the Java compiler) that every start of serve, console, status or approve would pay for a PDF only a
     * close makes.
     */
    public static final class OnFirstUse {

        private final String resource;
        private volatile JasperReport report;

        public OnFirstUse(String resource) {
            this.resource = resource;
        }

        public JasperReport report() {
            JasperReport compiled = report;
            if (compiled == null) {
                synchronized (this) {
                    if (report == null) {
                        report = compile(resource);
                    }
                    compiled = report;
                }
            }
            return compiled;
        }
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

    /** The template filled with the rows and exported as a PDF titled {@code title}, by CompClose. */
    public static byte[] pdf(JasperReport report, Map<String, Object> parameters, Collection<Map<String, ?>> rows,
            String title) throws JRException {
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(title);
        config.setMetadataAuthor("CompClose");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(
                JasperFillManager.fillReport(report, parameters, new JRMapCollectionDataSource(rows))));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
        exporter.setConfiguration(config);
        exporter.exportReport();
        return pdf.toByteArray();
    }
}
