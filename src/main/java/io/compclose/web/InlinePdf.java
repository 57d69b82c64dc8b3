package io.compclose.web;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A statement's PDF as the browser shows it, in the tab rather than as a download. */
final class InlinePdf {

    private InlinePdf() {
    }

    static ResponseEntity<FileSystemResource> of(Path file, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(new FileSystemResource(file));
    }
}
