/** Cross-cutting pieces: the run's parameters, atomic files, progress reporting, settings, the close lease. */
package io.compclose.system;
