package io.compclose.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.compclose.core.crediting.CreditKind;
import io.compclose.core.crediting.CreditRule;
import io.compclose.core.input.BadInputException;
import io.compclose.core.input.Role;
import io.compclose.rules.Conditions;

class CreditingRulesFileTests {

    @TempDir
    Path inbox;

    private final CreditingRulesFile file = new CreditingRulesFile(Conditions::problem);

    @Test
    void withoutTheFileTheOwnerOrSplitsAndTheSourcerAreCredited() {
        assertThat(file.read(inbox)).isEqualTo(CreditingRulesFile.DEFAULTS);
    }

    @Test
    void readsTheRulesInOrder() throws Exception {
        Files.writeString(inbox.resolve("crediting.yaml"), """
                rules:
                  - {id: owner, kind: PRIMARY, when: "type != 'RENEWAL'"}
                  - {id: renewal-rep, kind: OVERLAY, role: RENEWAL, share: 0.5}
                  - {id: first-line, kind: ROLLUP, levels: 1}
                """);
        assertThat(file.read(inbox)).extracting(CreditRule::id, CreditRule::kind, CreditRule::when,
                r -> r.share().toPlainString(), CreditRule::role, CreditRule::levels).containsExactly(
                org.assertj.core.groups.Tuple.tuple("owner", CreditKind.PRIMARY, "type != 'RENEWAL'", "1", null, null),
                org.assertj.core.groups.Tuple.tuple("renewal-rep", CreditKind.OVERLAY, null, "0.5", Role.RENEWAL, null),
                org.assertj.core.groups.Tuple.tuple("first-line", CreditKind.ROLLUP, null, "1", null, 1));
    }

    @Test
    void everyProblemNamesTheFileAndTheField() throws Exception {
        Files.writeString(inbox.resolve("crediting.yaml"), """
                rules:
                  - {id: owner, kind: PRIMARY, share: 0.5}
                  - {id: csm, kind: OVERLAY}
                  - {id: up, kind: ROLLUP, share: 1.5, when: "type ==", levels: 0}
                  - {id: up, kind: SIDEWAYS, colour: red}
                """);
        assertThatThrownBy(() -> file.read(inbox)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("crediting.yaml: rules[0].kind: PRIMARY takes the owner or splits.csv; it has "
                        + "no share, role or levels")
                .hasMessageContaining("crediting.yaml: rules[1].role: is required: the account_owners.csv role "
                        + "credited, e.g. CSM or RENEWAL")
                .hasMessageContaining("crediting.yaml: rules[2].share: must be above 0 and at most 1 (1 = 100 %)")
                .hasMessageContaining("crediting.yaml: rules[2].when: not a valid condition")
                .hasMessageContaining("crediting.yaml: rules[2].levels:")
                .hasMessageContaining("crediting.yaml: rules[3].colour: unknown field")
                .hasMessageContaining("crediting.yaml: rules[3].kind:");
    }

    @Test
    void withoutAPrimaryRuleNothingWouldBeCredited() throws Exception {
        Files.writeString(inbox.resolve("crediting.yaml"), "rules: [{id: up, kind: ROLLUP}]\n");
        assertThatThrownBy(() -> file.read(inbox)).hasMessage(
                "1 problem(s) in crediting.yaml: crediting.yaml: rules: needs a PRIMARY rule, or no booking is credited");
    }

    @Test
    void anUnknownFieldIsNamedWithTheNearestKnownOne() throws Exception {
        Files.writeString(inbox.resolve("crediting.yaml"), """
                rules:
                  - {id: owner, kind: PRIMARY}
                  - {id: renewal-rep, kind: OVERLAY, role: RENEWAL, shares: 0.5}
                """);
        assertThatThrownBy(() -> file.read(inbox)).hasMessage("1 problem(s) in crediting.yaml: crediting.yaml: "
                + "rules[1].shares: unknown field 'shares'; did you mean share?");
    }

    /** Nine anchors of nine aliases each: {@code field} holds 9^9 lols if the aliases were expanded. */
    static String billionLaughs(String field) {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            bomb.append(level).append(": &").append(level).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*" + (char) (level - 1)))).append("]\n");
        }
        return bomb + field + ": *i\n";
    }

    @Test
    void aBillionLaughsFileIsRefusedNotExpanded() throws Exception {
        Files.writeString(inbox.resolve("crediting.yaml"), billionLaughs("rules"));
        // the parser stops replaying aliases after 9,999 events
        assertThatThrownBy(() -> file.read(inbox)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("crediting.yaml: refused: its anchors and aliases expand beyond what a "
                        + "configuration file needs (too many events to replay");
    }

    @Test
    void aFileOfFiftyMegabytesIsRefusedUnread() throws Exception {
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(inbox.resolve("crediting.yaml").toFile(),
                "rw")) {
            big.setLength(50L * 1024 * 1024 + 1); // sparse: written in no time, and never read
        }
        assertThatThrownBy(() -> file.read(inbox)).isInstanceOf(BadInputException.class)
                .hasMessage("crediting.yaml: refused unread: 52428801 bytes, above the 1048576 (1 MB) a "
                        + "configuration file may have");
    }
}
