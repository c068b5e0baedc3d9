package com.autopilotmonster.infra;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** "Does something answer there?" for each component, each bounded to about two seconds. */
final class Probes {

    private static final int TIMEOUT_MS = 2000;

    private Probes() {
    }

    static boolean answers(Component component) {
        return switch (component) {
            case KAFKA -> kafka();
            case REDIS -> redis(Component.REDIS.port());
            case SMTP -> greets("220");
            case MONGO, COLLECTOR -> tcp(component.port());
        };
    }

    static boolean tcp(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InfraSettings.host(), port), TIMEOUT_MS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Redis answers PING on {@code port}. */
    static boolean redis(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InfraSettings.host(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readSome(socket.getInputStream()).startsWith("+PONG");
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean greets(String prefix) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InfraSettings.host(), Component.SMTP.port()), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            return readSome(socket.getInputStream()).startsWith(prefix);
        } catch (Exception e) {
            return false;
        }
    }

    private static String readSome(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[64];
        int n = in.read(buffer);
        return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }

    /** A TCP accept is not enough for Kafka: it must answer a cluster description. */
    private static boolean kafka() {
        if (!tcp(Component.KAFKA.port())) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Component.KAFKA.address());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
