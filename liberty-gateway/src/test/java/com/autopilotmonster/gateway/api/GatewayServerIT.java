package com.autopilotmonster.gateway.api;

import com.autopilotmonster.testsupport.LoopbackBudget;
import com.autopilotmonster.testsupport.ServiceContractTest;
import org.junit.jupiter.api.BeforeAll;

/** The gateway server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class GatewayServerIT extends ServiceContractTest {

    @BeforeAll
    static void fullBudget() {
        LoopbackBudget.reset();
    }
}
