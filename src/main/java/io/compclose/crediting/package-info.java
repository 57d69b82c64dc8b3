/** The crediting step: reads crediting.yaml and the stored bookings, calls the core's crediting, stores credits. */
package io.compclose.crediting;
