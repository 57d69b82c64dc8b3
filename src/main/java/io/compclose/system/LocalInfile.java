package io.compclose.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanPostProcessor;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Lets the close send chunk files with {@code LOAD DATA LOCAL INFILE} on MySQL and MariaDB without
 * letting the database server read this machine's files. The server names the file it wants, so
 * Connector/J's {@code allowLoadLocalInfile=true} would hand it any file the process can read (and
 * its {@code setLocalInfileInputStream} works only with that flag). Instead the pool's connections get
 * {@code allowLoadLocalInfileInPath}, a folder of this process's own (owner-only, empty but for the
 * chunk being sent): the driver refuses every file outside it. A URL that names a folder itself keeps
 * it, and the chunks go there; a URL without the setting needs nothing added by the user.
 */
public final class LocalInfile implements BeanPostProcessor {

    static final String IN_PATH = "allowLoadLocalInfileInPath";
    private static final Pattern IN_PATH_SETTING = Pattern.compile("[?&;]" + IN_PATH + "=([^&;]*)");

    private volatile Path folder;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:mysql:")) {
            Matcher named = IN_PATH_SETTING.matcher(pool.getJdbcUrl());
            if (named.find()) {
                folder = Path.of(URLDecoder.decode(named.group(1), StandardCharsets.UTF_8));
            } else if (pool.getDataSourceProperties().getProperty(IN_PATH) != null) {
                folder = Path.of(pool.getDataSourceProperties().getProperty(IN_PATH));
            } else {
                pool.addDataSourceProperty(IN_PATH, ownFolder().toString());
            }
        }
        return bean;
    }

    /** The folder the pool's connections may send files from, if the pool is MySQL's or MariaDB's. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    private synchronized Path ownFolder() {
        if (folder == null) {
            try {
                Path made = Files.createTempDirectory("compclose-load-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                made.toFile().deleteOnExit();
                folder = made.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a folder for LOAD DATA chunks", e);
            }
        }
        return folder;
    }
}
