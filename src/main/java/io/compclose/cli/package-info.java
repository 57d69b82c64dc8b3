/** The command line: close and status, their messages and exit codes. */
package io.compclose.cli;
