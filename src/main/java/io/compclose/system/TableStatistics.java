package io.compclose.system;

import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes the database's statistics of tables the close has just filled. MariaDB and MySQL refresh
 * them by themselves only once a tenth of a table has changed, and then in the background, so a query
 * run right after a step wrote hundreds of thousands of rows can be planned for the table as it was
 * before: reconcile took 15 s in one run of the reference month and 50 s in the next. ANALYZE samples
 * a few pages of each index, a matter of milliseconds. H2 needs none of this and is left alone.
 */
@Component
public class TableStatistics {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate outsideTransactions;
    private volatile Boolean mysqlFamily;

    public TableStatistics(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactionManager);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** @param tables the caller's constants, never input */
    public void refresh(List<String> tables) {
        if (!mysqlFamily()) {
            return;
        }
        // outside the step's transaction: ANALYZE commits whatever transaction it runs in
        outsideTransactions.executeWithoutResult(status -> jdbc.execute("ANALYZE NO_WRITE_TO_BINLOG TABLE "
                + String.join(", ", tables)));
    }

    private boolean mysqlFamily() {
        Boolean known = mysqlFamily;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) MySqlFamily::of);
            mysqlFamily = known;
        }
        return known;
    }
}
