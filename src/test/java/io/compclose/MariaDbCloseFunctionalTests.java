package io.compclose;

import java.nio.file.Path;

import io.compclose.support.CloseFixture;
import io.compclose.support.TestDatabases;

/** The same close on MariaDB through MySQL Connector/J, the production database. */
class MariaDbCloseFunctionalTests extends CloseFunctionalTests {

    @Override
    CloseFixture fixture(Path out) {
        return new CloseFixture(out, TestDatabases.freshMariaDb("compclose_it"), true);
    }
}
