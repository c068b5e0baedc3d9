package com.autopilotmonster.auth.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.autopilotmonster.common.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for per-address throttling: the socket peer, or the nearest X-Forwarded-For entry
 * when the peer is a trusted proxy ({@code auth.trusted-proxies}, default the local gateway).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "auth.trusted-proxies", defaultValue = "127.0.0.1,0:0:0:0:0:0:0:1,::1")
    List<String> trustedProxies;

    public String of(HttpServletRequest request) {
        return ClientAddresses.of(request, trustedProxies);
    }
}
