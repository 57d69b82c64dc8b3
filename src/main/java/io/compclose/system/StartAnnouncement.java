package io.compclose.system;

import java.util.List;

/**
 * What a part of {@code serve} has to tell the person who started it, printed with the service's own lines
 * once it has started (the console's address, where its first passwords are).
 */
public interface StartAnnouncement {

    List<String> lines();
}
