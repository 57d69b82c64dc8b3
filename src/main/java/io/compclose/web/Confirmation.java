package io.compclose.web;

/**
 * A question the console asks before it does what cannot be undone (a resend, a lock): the page posts to
 * {@code action} with {@code confirm}, and with a note when {@code withNote}.
 */
public record Confirmation(String title, String question, String detail, String action, boolean withNote,
        String button, String back) {
}
