package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTests {

    @Test
    void masksThePasswordOfAJdbcUrlAndNothingElse() {
        assertThat(Secrets.mask("cannot connect to jdbc:mysql://db:3306/cc?user=app&password=s3cr3t&useSSL=true"))
                .isEqualTo("cannot connect to jdbc:mysql://db:3306/cc?user=app&password=****&useSSL=true");
        assertThat(Secrets.mask("jdbc:mysql://app:s3cr3t@db:3306/cc")).isEqualTo("jdbc:mysql://app:****@db:3306/cc");
        assertThat(Secrets.mask("jdbc:h2:file:/x/db;USER=sa;PASSWORD=s3cr3t;MODE=MySQL"))
                .isEqualTo("jdbc:h2:file:/x/db;USER=sa;PASSWORD=****;MODE=MySQL");
        assertThat(Secrets.mask("url jdbc:mysql://db:3306/cc?user=root&password=&x=1 port 3306"))
                .isEqualTo("url jdbc:mysql://db:3306/cc?user=root&password=&x=1 port 3306");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void namesTheSettingThatShouldCarryASecret() {
        assertThat(Secrets.secretSetting("spring.datasource.password", "x")).hasValue("spring.datasource.password");
        assertThat(Secrets.secretSetting("spring.mail.password", "x")).hasValue("spring.mail.password");
        assertThat(Secrets.secretSetting("compclose.extract.password", "x")).hasValue("compclose.extract.password");
        assertThat(Secrets.secretSetting("spring.liquibase.license-key", "x")).hasValue("spring.liquibase.license-key");
        assertThat(Secrets.secretSetting("compclose.extract.url", "jdbc:mysql://h/crm?user=u&password=x"))
                .hasValue("compclose.extract.password");
        assertThat(Secrets.secretSetting("spring.datasource.url", "jdbc:mysql://u:x@h/cc"))
                .hasValue("spring.datasource.password");
        // not secrets: a password left empty, a URL without one, the path of the statement passwords file
        assertThat(Secrets.secretSetting("spring.datasource.password", "")).isEmpty();
        assertThat(Secrets.secretSetting("spring.datasource.url", "jdbc:mysql://h:3306/cc?user=root&password="))
                .isEmpty();
        assertThat(Secrets.secretSetting("compclose.statement.encryption.passwords-file", "/etc/cc/pw.csv")).isEmpty();
        assertThat(Secrets.secretSetting("spring.mail.host", "smtp.example.com")).isEmpty();
        assertThat(Secrets.environmentVariable("compclose.extract.password")).isEqualTo("COMPCLOSE_EXTRACT_PASSWORD");
        assertThat(Secrets.environmentVariable("spring.liquibase.license-key")).isEqualTo("SPRING_LIQUIBASE_LICENSEKEY");
    }
}
