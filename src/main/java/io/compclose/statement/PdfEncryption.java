package io.compclose.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Encrypts a rendered statement with AES-256 (the PDF 2.0 standard security handler, revision 6). JasperReports'
 * exporter offers only RC4 (40 or 128 bits), which is broken; OpenPDF, which it writes with, does AES-256 on
 * a finished document. The rep's password opens the PDF, which may then be printed and copied from; the owner
 * password is random, so no one can lift those permissions.
 */
final class PdfEncryption {

    private PdfEncryption() {
    }

    static byte[] aes256(byte[] pdf, String userPassword) {
        try (PdfReader reader = new PdfReader(pdf)) {
            ByteArrayOutputStream encrypted = new ByteArrayOutputStream(pdf.length + 1024);
            // AES-256 of revision 6 came with PDF 1.7 (Adobe's extension level 8, then ISO 32000-2): not 1.5
            PdfStamper stamper = new PdfStamper(reader, encrypted, PdfWriter.VERSION_1_7);
            stamper.setEncryption(userPassword.getBytes(StandardCharsets.UTF_8),
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                    PdfWriter.ALLOW_PRINTING | PdfWriter.ALLOW_COPY, PdfWriter.ENCRYPTION_AES_256_V3);
            stamper.close();
            return encrypted.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encrypt a statement: " + e.getMessage(), e);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot encrypt a statement: " + e.getMessage(), e);
        }
    }
}
