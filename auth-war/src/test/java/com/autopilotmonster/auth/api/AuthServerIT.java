package com.autopilotmonster.auth.api;

import com.autopilotmonster.testsupport.ServiceContractTest;

/** The auth server meets the platform contract (health, OpenAPI, problem+json, request ids, no banners). */
class AuthServerIT extends ServiceContractTest {
}
