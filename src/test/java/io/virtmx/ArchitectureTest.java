/*
 * Copyright The virtmx authors.
 * SPDX-License-Identifier: Apache-2.0 (the LICENSE file at the root of the repository).
 */
package io.virtmx;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layering of docs/architecture.md on the production classes: data flows libvirt → collect →
 * model → views, a view renders the snapshot without calling libvirt or the collectors, a view
 * never uses another view (the package {@code view} and the shared HTTP endpoint {@code view.http}
 * are every view's), and the model depends on nothing of ours.
 */
@AnalyzeClasses(
    packages = "io.virtmx",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  private static final List<String> VIEWS = List.of("jmx", "jolokia", "metrics", "cim");

  @ArchTest
  static final ArchRule viewsUseNeitherLibvirtNorCollectors =
      noClasses()
          .that()
          .resideInAPackage("io.virtmx.view..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.virtmx.libvirt..", "io.virtmx.collect..")
          .because("a view renders the snapshot and forwards operations to ops");

  @ArchTest
  static final ArchRule noViewUsesAnotherView =
      CompositeArchRule.of(VIEWS.stream().map(ArchitectureTest::onlyItself).toList())
          .as("no view depends on another view");

  @ArchTest
  static final ArchRule modelDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage("io.virtmx.model..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.virtmx..").and(not(resideInAPackage("io.virtmx.model.."))))
          .because("the model is the immutable snapshot every layer reads");

  private static ArchRule onlyItself(String view) {
    String[] others =
        VIEWS.stream()
            .filter(v -> !v.equals(view))
            .map(v -> "io.virtmx.view." + v + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("io.virtmx.view." + view + "..")
        .should()
        .dependOnClassesThat(resideInAnyPackage(others))
        .as("view." + view + " depends on no other view");
  }
}
