/** Cross-cutting pieces: the run's parameters, atomic files, progress reporting, settings. */
package io.compclose.system;
