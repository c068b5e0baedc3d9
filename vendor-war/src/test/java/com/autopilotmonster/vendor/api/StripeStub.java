package com.autopilotmonster.vendor.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * Stripe's API replaced by WireMock on the port the vendor-it server's stripe-java is pointed at
 * ({@code stripe.api-base}). Transfers are answered per destination account, so tests do not see each other's.
 */
final class StripeStub {

    private static WireMockServer server;

    private StripeStub() {
    }

    static synchronized WireMockServer start() {
        if (server == null) {
            server = new WireMockServer(options().port(Integer.getInteger("vendor.it.stub.port", 4196)));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Transfers to this connected account succeed with this transfer id. */
    static void transfersSucceed(String account, String transferId) {
        start().stubFor(post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + account))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_stub").withBody("{\"id\":\"" + transferId
                                + "\",\"object\":\"transfer\",\"amount\":1,\"currency\":\"usd\",\"destination\":\"" + account + "\"}")));
    }

    /** Stripe refuses transfers to this account. */
    static void transfersRefused(String account) {
        start().stubFor(post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + account))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such destination: '"
                                + account + "'\"}}")));
    }

    static List<LoggedRequest> transfersTo(String account) {
        return start().findAll(postRequestedFor(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + account)));
    }
}
