package io.compclose;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the packages promise, held by the build: a core in plain Java, and the close's stages
 * depending only on stages before them.
 */
@AnalyzeClasses(packages = "io.compclose", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** What-if modelling, cost accounting and the console run the core outside the batch shell. */
    @ArchTest
    static final ArchRule coreIsPlainJava = classes().that().resideInAPackage("io.compclose.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.compclose.core..")
            .because("the core knows no Spring, no JDBC and no shell: shells read, call the core and write");

    @ArchTest
    static final ArchRule coreFollowsTheClose = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("io.compclose.core.money..", "io.compclose.core.plan..", "io.compclose.core.input..")
            .layer("crediting").definedBy("io.compclose.core.crediting..")
            .layer("calculation").definedBy("io.compclose.core.calculation..")
            .layer("reconciliation").definedBy("io.compclose.core.reconciliation..")
            .whereLayer("reconciliation").mayNotBeAccessedByAnyLayer()
            .whereLayer("calculation").mayOnlyBeAccessedByLayers("reconciliation")
            .whereLayer("crediting").mayOnlyBeAccessedByLayers("calculation", "reconciliation");

    /** Each stage of the close may use the stages before it, never one after it. */
    @ArchTest
    static final ArchRule stagesFollowTheClose = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("intake").definedBy("io.compclose.intake..")
            .layer("crediting").definedBy("io.compclose.crediting..")
            .layer("calculation").definedBy("io.compclose.calculation..")
            .layer("reconciliation").definedBy("io.compclose.reconciliation..")
            .layer("payout").definedBy("io.compclose.payout..")
            .layer("statement").definedBy("io.compclose.statement..")
            .layer("delivery").definedBy("io.compclose.delivery..")
            .layer("commands").definedBy("io.compclose.cli..", "io.compclose.job..", "io.compclose.web..", "io.compclose")
            .whereLayer("commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("delivery").mayOnlyBeAccessedByLayers("commands")
            .whereLayer("statement").mayOnlyBeAccessedByLayers("delivery", "commands")
            .whereLayer("payout").mayOnlyBeAccessedByLayers("statement", "delivery", "commands")
            .whereLayer("reconciliation").mayOnlyBeAccessedByLayers("payout", "statement", "delivery", "commands")
            .whereLayer("calculation").mayOnlyBeAccessedByLayers("reconciliation", "payout", "statement", "delivery",
                    "commands")
            .whereLayer("crediting").mayOnlyBeAccessedByLayers("calculation", "reconciliation", "payout", "statement",
                    "delivery", "commands");

    /** SQL is found, and changed, in one place: the repositories (and the database plumbing of system). */
    @ArchTest
    static final ArchRule sqlLivesInRepositories = noClasses()
            .that(are(not(nestedInOrNamed("Repository"))))
            .and().resideOutsideOfPackage("io.compclose.system..")
            // reads an inbox file from the customer's replica, with the query the customer configures
            .and().doNotHaveFullyQualifiedName("io.compclose.intake.ExtractRowReader")
            .should().dependOnClassesThat(belongToAnyOf(JdbcTemplate.class, NamedParameterJdbcTemplate.class,
                    JdbcClient.class).or(resideInAPackage("java.sql..").and(not(assignableTo(SQLException.class)))))
            .because("a class that reads or writes the database is a repository of its stage");

    /** A class named *Repository, or one nested in it. */
    private static DescribedPredicate<JavaClass> nestedInOrNamed(String suffix) {
        return DescribedPredicate.describe("named *" + suffix, javaClass -> javaClass.getName()
                .replaceAll("\\$.*", "").endsWith(suffix));
    }

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.compclose.(**)").should().beFreeOfCycles();
}
