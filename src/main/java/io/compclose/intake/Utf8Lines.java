package io.compclose.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the first line of a file that is not valid UTF-8. The CSV reader decodes ahead in large
 * buffers, so its position says little about where a bad byte is; this scan, run only after
 * decoding failed, names the real line. A '\n' byte never occurs inside a multi-byte character.
 */
final class Utf8Lines {

    private Utf8Lines() {
    }

    /** The first line that is not valid UTF-8, as its number and bytes; or line -1 if there is none. */
    record InvalidLine(long number, byte[] bytes) {
    }

    static InvalidLine firstInvalidLine(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    if (!valid(decoder, line)) {
                        return new InvalidLine(number, line.toByteArray());
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
            return new InvalidLine(valid(decoder, line) ? -1 : number, line.toByteArray());
        }
    }

    private static boolean valid(CharsetDecoder decoder, ByteArrayOutputStream line) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
