package com.autopilotmonster.common.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autopilotmonster.testsupport.TcpRelay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

/**
 * After Redis restarts, the pool's idle connections are dead; the client as {@link RedisClientProducer} makes it
 * finds and drops them in the background, so no request has to fail on one. The build's Redis behind a
 * {@link TcpRelay} whose {@code dropConnections} is what a client sees of a restart. Without the idle check the
 * first command after the restart failed ("Unexpected end of stream"), and one more per idle connection.
 */
class RedisRestartIT {

    private static final int IDLE = 4;

    private TcpRelay relay;
    private JedisPooled redis;

    @BeforeEach
    void start() throws Exception {
        relay = new TcpRelay("127.0.0.1", 6379);
        RedisClientProducer producer = new RedisClientProducer();
        producer.host = "127.0.0.1";
        producer.port = relay.port();
        producer.password = Optional.empty();
        producer.timeoutMs = 1000;
        producer.poolMax = 8;
        producer.idleCheckMs = 200;
        redis = producer.jedis();
    }

    @AfterEach
    void stop() {
        redis.close();
        relay.close();
    }

    @Test
    void noCommandFailsOnAConnectionTheRestartKilled() throws Exception {
        List<Connection> borrowed = new ArrayList<>();
        for (int i = 0; i < IDLE; i++) {
            borrowed.add(redis.getPool().getResource());
        }
        borrowed.forEach(Connection::close); // back to the pool, idle
        assertEquals(IDLE, redis.getPool().getNumIdle());

        relay.dropConnections();
        Thread.sleep(1500); // several idle checks

        String key = "redis-restart-it:" + System.nanoTime();
        try {
            for (int i = 0; i < IDLE + 1; i++) {
                assertEquals(i + 1, redis.incr(key), "command " + (i + 1) + " after the restart");
            }
        } finally {
            redis.del(key);
        }
        assertTrue(relay.openConnections() >= 1, "the commands did not go through the relay");
    }
}
