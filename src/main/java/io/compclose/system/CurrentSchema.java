package io.compclose.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Skips Liquibase when the schema is already what this build's changelog describes. Liquibase parses every
 * changelog file and compares it with the database at every start of every command, about a second of a start
 * of {@code serve}. The SHA-256 of the changelog files is recorded once Liquibase has applied them, with the
 * number of changesets then applied; a start that finds both unchanged has nothing to apply. Any other change (a
 * new build's changesets, a database restored from before them, a changeset row removed) lets Liquibase run.
 */
public final class CurrentSchema implements BeanPostProcessor {

    private static final String CHANGELOG_FILES = "classpath*:db/changelog/**/*.yaml";

    private final String fingerprint = fingerprint(CHANGELOG_FILES);
    private final Set<SpringLiquibase> skipped = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null
                && fingerprints(liquibase).current(fingerprint)) {
            liquibase.setShouldRun(false);
            skipped.add(liquibase);
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null
                && !skipped.remove(liquibase)) {
            try {
                fingerprints(liquibase).record(fingerprint);
            } catch (SQLException e) {
                throw new BeanCreationException(beanName, "cannot record the schema's fingerprint: " + e.getMessage(),
                        e);
            }
        }
        return bean;
    }

    private static SchemaFingerprintRepository fingerprints(SpringLiquibase liquibase) {
        return new SchemaFingerprintRepository(liquibase.getDataSource(), liquibase.getDatabaseChangeLogTable());
    }

    /** The SHA-256 of the files, in the order of their names. */
    static String fingerprint(String pattern) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                sha.update(file.getFilename().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the changelog files " + pattern, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
