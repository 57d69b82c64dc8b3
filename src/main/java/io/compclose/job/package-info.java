/** The monthly close job: the order of its steps, and nothing else. */
package io.compclose.job;
