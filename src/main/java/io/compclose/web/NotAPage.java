package io.compclose.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A period that is not a month (2026-13, "latest"), or a version that is not a number, names no page: 404. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ControllerAdvice
public class NotAPage {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> notAPage() {
        return ResponseEntity.notFound().build();
    }
}
