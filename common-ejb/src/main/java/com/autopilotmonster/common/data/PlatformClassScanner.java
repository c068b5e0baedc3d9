package com.autopilotmonster.common.data;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import org.eclipse.jnosql.mapping.NoSQLRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Eclipse JNoSQL's class scanner, limited to the platform's own packages.
 *
 * <p>JNoSQL's default scanner (ClassGraphClassScanner) reads every class the application's class loader can see
 * to find entities. With MicroProfile Telemetry the applications see Liberty's third-party APIs too
 * (apiTypeVisibility +third-party), and that whole-classpath scan filled a 384 MB heap at start and took tens of
 * seconds on two cores; the platform's entities all live under {@code com.autopilotmonster}. Registered through
 * META-INF/services in common-ejb, which every WAR packs ahead of JNoSQL's jars, so
 * {@code ServiceLoader.findFirst()} in {@link ClassScanner} picks this one (PlatformClassScannerTest, and each
 * server logs the scan).
 */
public final class PlatformClassScanner implements ClassScanner {

    /** Packages scanned; a system property so that an estate deploying extra entity packages can widen it. */
    static final String PACKAGES_PROPERTY = "platform.jnosql.scan-packages";
    static final String DEFAULT_PACKAGES = "com.autopilotmonster";

    private static final Logger LOG = Logger.getLogger(PlatformClassScanner.class.getName());

    private final Set<Class<?>> entities;
    private final Set<Class<?>> embeddables;
    private final Set<Class<?>> repositories;
    private final Set<Class<?>> customRepositories;

    public PlatformClassScanner() {
        this(System.getProperty(PACKAGES_PROPERTY, DEFAULT_PACKAGES).split(","));
    }

    PlatformClassScanner(String... packages) {
        long started = System.nanoTime();
        String[] accepted = Arrays.stream(packages).map(String::trim).filter(p -> !p.isEmpty()).toArray(String[]::new);
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo()
                .acceptPackages(accepted).scan()) {
            entities = Set.copyOf(scan.getClassesWithAnnotation(Entity.class).loadClasses());
            embeddables = Set.copyOf(scan.getClassesWithAnnotation(Embeddable.class).loadClasses());
            List<ClassInfo> declared = scan.getClassesWithAnnotation(Repository.class).getInterfaces();
            repositories = declared.stream().filter(c -> c.implementsInterface(DataRepository.class))
                    .map(ClassInfo::loadClass).collect(Collectors.toUnmodifiableSet());
            customRepositories = declared.stream().filter(c -> !c.implementsInterface(DataRepository.class))
                    .map(ClassInfo::loadClass).collect(Collectors.toUnmodifiableSet());
        }
        LOG.info(() -> String.format("JNoSQL scan of %s: %d entities, %d embeddables, %d repositories in %d ms",
                String.join(",", accepted), entities.size(), embeddables.size(),
                repositories.size() + customRepositories.size(), (System.nanoTime() - started) / 1_000_000));
    }

    @Override
    public Set<Class<?>> entities() {
        return entities;
    }

    @Override
    public Set<Class<?>> repositories() {
        return repositories;
    }

    @Override
    public Set<Class<?>> embeddables() {
        return embeddables;
    }

    @Override
    public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
        return repositories.stream().filter(r -> filter.isAssignableFrom(r)
                        && Arrays.asList(r.getInterfaces()).contains(filter))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Class<?>> repositoriesStandard() {
        return repositories.stream().filter(r -> {
            List<Class<?>> direct = Arrays.asList(r.getInterfaces());
            return direct.contains(CrudRepository.class) || direct.contains(BasicRepository.class)
                    || direct.contains(NoSQLRepository.class) || direct.contains(DataRepository.class);
        }).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Class<?>> customRepositories() {
        return customRepositories;
    }
}
