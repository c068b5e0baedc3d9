package com.autopilotmonster.common.it;

import com.autopilotmonster.probe.ProbeApplication;
import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The probe WAR: common-ejb's jar and its runtime libraries, plus the probe classes. */
final class ProbeDeployment {

    private ProbeDeployment() {
    }

    static WebArchive create() {
        File[] libs = Path.of("target/probe-libs").toFile().listFiles((dir, name) -> name.endsWith(".jar"));
        if (libs == null || libs.length == 0) {
            throw new IllegalStateException("target/probe-libs is empty: run through Maven (mvn verify)");
        }
        return ShrinkWrap.create(WebArchive.class, "platform-probe.war")
                .addPackage(ProbeApplication.class.getPackage())
                .addAsLibraries(libs)
                .addAsResource(new File("src/test/resources/probe-microprofile-config.properties"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new File("src/main/resources/META-INF/beans.xml"), "beans.xml");
    }
}
