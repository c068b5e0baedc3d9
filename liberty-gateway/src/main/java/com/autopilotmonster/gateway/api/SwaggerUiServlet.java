package com.autopilotmonster.gateway.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Swagger UI for the merged document at {@code /openapi/ui/}. The UI itself is the {@code org.webjars:swagger-ui}
 * jar, served by the container from its {@code META-INF/resources}; this servlet only writes the page that loads
 * it and the script that points it at {@code /openapi} (a separate script, since the gateway's
 * Content-Security-Policy allows no inline scripts).
 */
@WebServlet(name = "swaggerUi", urlPatterns = "/openapi/ui/*")
public class SwaggerUiServlet extends HttpServlet {

    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: '/openapi',
                dom_id: '#swagger-ui',
                deepLinking: true,
                tryItOutEnabled: true,
                persistAuthorization: true,
                validatorUrl: null,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: 'StandaloneLayout'
              });
            };
            """;

    private String assets;

    @Override
    public void init() throws ServletException {
        assets = "/webjars/swagger-ui/" + webjarVersion() + "/";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/openapi/ui/");
        } else if (path.equals("/") || path.equals("/index.html")) {
            write(response, "text/html;charset=UTF-8", page());
        } else if (path.equals("/initializer.js")) {
            write(response, "text/javascript;charset=UTF-8", INITIALIZER);
        } else {
            response.sendRedirect(request.getContextPath() + assets + path.substring(1));
        }
    }

    private String page() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <title>Autopilot Monster API</title>
                  <link rel="stylesheet" href="%1$sswagger-ui.css">
                  <link rel="stylesheet" href="%1$sindex.css">
                  <link rel="icon" type="image/png" href="%1$sfavicon-32x32.png" sizes="32x32">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$sswagger-ui-bundle.js"></script>
                  <script src="%1$sswagger-ui-standalone-preset.js"></script>
                  <script src="/openapi/ui/initializer.js"></script>
                </body>
                </html>
                """.formatted(assets);
    }

    private static void write(HttpServletResponse response, String type, String content) throws IOException {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The packaged webjar's version, from its Maven metadata, so a version bump needs no code change. */
    private static String webjarVersion() throws ServletException {
        try (InputStream in = SwaggerUiServlet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new ServletException("org.webjars:swagger-ui is not packaged");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new ServletException(e);
        }
    }
}
