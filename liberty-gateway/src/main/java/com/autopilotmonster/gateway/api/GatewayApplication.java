package com.autopilotmonster.gateway.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The gateway's own REST endpoints: the public status API at /api/system (a more specific servlet mapping than
 * the proxy's /api/*, so these requests are answered here and never forwarded). Everything else under /api is
 * proxied (ProxyServlet).
 */
@ApplicationPath("/api/system")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(title = "Autopilot Monster API gateway", version = "1.0.0", description = "The single entry point for every service."))
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class GatewayApplication extends Application {
}
