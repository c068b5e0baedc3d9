package com.autopilotmonster.gateway.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The gateway server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class GatewayServerIT extends ServiceContractTest {
}
