package com.autopilotmonster.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** A small application built only from common-ejb, deployed by the Arquillian tests. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class ProbeApplication extends Application {
}
