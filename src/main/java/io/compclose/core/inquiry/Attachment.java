package io.compclose.core.inquiry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A file a rep attaches to an inquiry: at most {@link #MAX_BYTES}, and a PDF, PNG, JPEG, plain text or CSV
 * file by its content, not only by its name (a script renamed .pdf is refused). The type served back is the
 * one the content showed.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private enum Kind {
        PDF("application/pdf", "pdf"), PNG("image/png", "png"), JPEG("image/jpeg", "jpg", "jpeg"),
        TEXT("text/plain", "txt"), CSV("text/csv", "csv");

        final String contentType;
        final String[] extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }
    }

    /** Checks a file as uploaded; throws with why it is refused. */
    public static Attachment of(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
        if (content.length == 0) {
            throw new InquiryException("The attachment " + name + " is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new InquiryException("The attachment " + name + " is " + content.length / 1024
                    + " KB; at most 2 MB is allowed.");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Kind byName = Arrays.stream(Kind.values()).filter(k -> Arrays.asList(k.extensions).contains(extension))
                .findFirst().orElseThrow(() -> new InquiryException("The attachment " + name
                        + " is not a PDF, PNG, JPEG, text or CSV file."));
        Kind byContent = sniff(content);
        boolean textual = byName == Kind.TEXT || byName == Kind.CSV;
        if (byContent == null || (textual ? byContent != Kind.TEXT : byContent != byName)) {
            throw new InquiryException("The attachment " + name + " is named ." + extension
                    + " but its content is not " + (textual ? "plain text" : "a " + byName.name() + " file") + ".");
        }
        return new Attachment(name, byName.contentType, content);
    }

    /** What the first bytes say the file is; text is UTF-8 without control characters but tab and line ends. */
    private static Kind sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Kind.PDF;
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return text.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? Kind.TEXT : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
