/**
 * The console: the close in a browser for finance, payroll and reps, served by {@code serve}. Its pages are
 * shells like the commands: they read through repositories and the command objects, and render.
 */
package io.compclose.web;
