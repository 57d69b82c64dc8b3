/** Reading and validating the inbox files; bad rows become rejects with file, line, column and reason. */
package io.compclose.intake;
