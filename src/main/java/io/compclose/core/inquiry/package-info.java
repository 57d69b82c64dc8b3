/** A rep's inquiry on a statement, in plain Java: its states, who may approve its adjustment, its attachment, where it is paid. */
package io.compclose.core.inquiry;
