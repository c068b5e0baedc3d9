package com.autopilotmonster.testsupport;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Tests that call the gateway straight from this machine share the loopback address's rate-limit budget,
 * which lives in Redis across runs: each such test class (gateway ITs, platform journeys) starts from a full budget.
 */
public final class LoopbackBudget {

    private LoopbackBudget() {
    }

    public static void reset() {
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            for (String pattern : new String[] {"gw:rl:*:addr:127.0.0.1", "gw:rl:*:addr:0:0:0:0:0:0:0:1"}) {
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(500));
                    page.getResult().forEach(redis::del);
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        }
    }
}
