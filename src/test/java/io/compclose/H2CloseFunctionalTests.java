package io.compclose;

import java.nio.file.Path;

import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/** The close on the zero-setup default: an embedded H2 database under the output folder. */
class H2CloseFunctionalTests extends CloseFunctionalTests {

    @Override
    CloseFixture fixture(Path out) {
        return new CloseFixture(out, TestDatabases.h2(out), true);
    }
}
