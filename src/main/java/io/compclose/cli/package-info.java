/**
 * The command line: close, status, approve, resend, usage-intake, and serve (the job catalog on a
 * scheduler, with Actuator); their messages and exit codes.
 */
package io.compclose.cli;
