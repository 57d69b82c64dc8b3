/** The jobs: the monthly close and the daily usage intake, the order of their steps and nothing else. */
package io.compclose.job;
