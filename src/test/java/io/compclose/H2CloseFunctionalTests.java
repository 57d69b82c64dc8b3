package io.compclose;

import java.nio.file.Path;

import io.compclose.support.CloseFixture;

/** The close on the zero-setup default: an embedded H2 database under the output folder. */
class H2CloseFunctionalTests extends CloseFunctionalTests {

    @Override
    CloseFixture fixture(Path out) {
        return CloseFixture.onH2(out, true);
    }
}
