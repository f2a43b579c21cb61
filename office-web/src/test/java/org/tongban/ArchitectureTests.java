package org.tongban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and feature boundaries: office-web → integration → workflow-engine → bpmn, Camunda only inside
 * workflow-engine, a feature's internal/persistence/web packages used only by that feature, no cycles between
 * features.
 */
class ArchitectureTests {

    private static final Pattern FEATURE = Pattern.compile("org\\.tongban\\.(engine|integration|office)\\.([a-z]+).*");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongban");
        if (classes.size() < 50) {
            throw new IllegalStateException("too few classes imported: " + classes.size());
        }
    }

    @Test
    void onlyWorkflowEngineImportsCamunda() {
        noClasses().that().resideOutsideOfPackage("org.tongban.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(classes);
    }

    @Test
    void modulesDependOneWay() {
        noClasses().that().resideInAPackage("org.tongban.bpmn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tongban.engine..", "org.tongban.integration..",
                        "org.tongban.office..")
                .check(classes);
        noClasses().that().resideInAPackage("org.tongban.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tongban.integration..", "org.tongban.office..")
                .check(classes);
        noClasses().that().resideInAPackage("org.tongban.integration..")
                .should().dependOnClassesThat().resideInAPackage("org.tongban.office..")
                .check(classes);
    }

    @Test
    void featureInternalsAreUsedOnlyByTheirFeature() {
        classes().that().resideInAnyPackage("..internal..", "..persistence..", "..web..")
                .should(onlyBeUsedWithinTheirFeature())
                .check(classes);
    }

    @Test
    void engineFeaturesHaveNoCycles() {
        slices().matching("org.tongban.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static ArchCondition<JavaClass> onlyBeUsedWithinTheirFeature() {
        return new ArchCondition<>("be used only within their own feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String feature = feature(target.getPackageName());
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!origin.getPackageName().startsWith("org.tongban")) {
                        continue;
                    }
                    String from = feature(origin.getPackageName());
                    if (feature != null && !feature.equals(from)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code engine.cases} for {@code org.tongban.engine.cases.internal}; null outside a module's feature. */
    private static String feature(String packageName) {
        Matcher m = FEATURE.matcher(packageName);
        return m.matches() ? m.group(1) + "." + m.group(2) : null;
    }
}
