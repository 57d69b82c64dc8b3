/** Rule conditions: Spring Expression Language over a transaction, read-only, no types or beans. */
package io.compclose.rules;
