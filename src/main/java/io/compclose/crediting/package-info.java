/** Who gets credit for a transaction. For now every booking is credited 100 % to its owner. */
package io.compclose.crediting;
