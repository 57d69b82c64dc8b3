package io.compclose.core.input;

/** The roles a participant can hold, as inputs.md lists them. */
public enum Role {
    AE, AM, CSM, RENEWAL, SDR, MARKETING, MANAGER, KEY_ACCOUNT
}
