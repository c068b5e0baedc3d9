package com.autopilotmonster.common.health;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers {@link ApplicationHealthServlet} at {@code /health/*} when {@code platform.application-health.enabled}
 * is true - set by the shared local {@code platform} server for each application it hosts, where Liberty's own
 * mpHealth endpoint lives on the management port and aggregates all of them. Off by default: a one-service
 * server keeps Liberty's mpHealth, and the gateway keeps its own {@code /health}.
 */
@WebListener
public class ApplicationHealthRegistration implements ServletContextListener {

    public static final String ENABLED = "platform.application-health.enabled";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean enabled = ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(false);
        if (enabled) {
            ServletRegistration.Dynamic health = event.getServletContext()
                    .addServlet("applicationHealth", ApplicationHealthServlet.class);
            health.addMapping("/health", "/health/*");
        }
    }
}
