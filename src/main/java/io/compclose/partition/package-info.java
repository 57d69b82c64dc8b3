/** Spreads the per-rep steps (calculation, statements) over threads, and over worker processes through RabbitMQ. */
package io.compclose.partition;
