package com.autopilotmonster.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/kubernetes: every resource valid against its schema, and complete for the platform as the code has it. */
class ManifestsTest {

    private static final List<String> SERVICES =
            List.of("gateway", "auth", "marketplace", "order", "user", "vendor", "admin", "content", "cart");

    private final ManifestValidator validator = new ManifestValidator(SchemaCatalog.get());

    @Test
    void everyResourceMatchesTheSchemaOfItsKind() {
        List<String> problems = new ArrayList<>();
        List<Path> files = Repository.manifestFiles();
        assertTrue(files.size() >= 13, "manifests found: " + files);
        for (Path file : files) {
            problems.addAll(validator.problems(file));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void kustomizationListsEveryResourceFileAndNothingElse() throws IOException {
        JsonNode kustomization = ManifestValidator.documents(Repository.manifests().resolve("kustomization.yaml")).get(0);
        assertEquals("kustomize.config.k8s.io/v1beta1", kustomization.path("apiVersion").asText());
        assertEquals("Kustomization", kustomization.path("kind").asText());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        for (Path file : Repository.manifestFiles()) {
            present.add(Repository.manifests().relativize(file).toString().replace('\\', '/'));
        }
        assertEquals(present, listed);
        kustomization.path("configurations")
                .forEach(c -> assertTrue(Files.isRegularFile(Repository.manifests().resolve(c.asText())), c.asText()));
        Set<String> imaged = new TreeSet<>();
        kustomization.path("images").forEach(i -> imaged.add(i.path("name").asText()));
        Set<String> used = new TreeSet<>();
        for (JsonNode app : resources("OpenLibertyApplication").values()) {
            used.add(app.path("spec").path("applicationImage").asText().replaceFirst(":[^:/]+$", ""));
        }
        assertEquals(used, imaged);
    }

    @Test
    void everyServiceIsAnOpenLibertyApplicationWithProbesResourcesAndScaling() throws IOException {
        Map<String, JsonNode> apps = resources("OpenLibertyApplication");
        assertEquals(new TreeSet<>(SERVICES), apps.keySet());
        for (String name : SERVICES) {
            JsonNode spec = apps.get(name).path("spec");
            int port = spec.path("service").path("port").asInt();
            assertEquals(serverXmlVariable(name, "http.port"), port, name + " port as in its server.xml");
            int probePort = name.equals("gateway") ? serverXmlVariable(name, "management.port") : port;
            Map<String, String> paths = Map.of("startup", "/health/started", "liveness", "/health/live",
                    "readiness", "/health/ready");
            paths.forEach((probe, path) -> {
                JsonNode get = spec.path("probes").path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), name + " " + probe);
                assertEquals(probePort, get.path("port").asInt(), name + " " + probe + " port");
            });
            for (String side : List.of("requests", "limits")) {
                JsonNode r = spec.path("resources").path(side);
                assertTrue(r.has("cpu") && r.has("memory"), name + " resources." + side);
            }
            JsonNode scaling = spec.path("autoscaling");
            assertTrue(scaling.path("minReplicas").asInt() >= 2, name + ": at least two instances");
            assertTrue(scaling.path("maxReplicas").asInt() > scaling.path("minReplicas").asInt(), name + " scales out");
            assertTrue(scaling.has("targetCPUUtilizationPercentage"), name + " scaling target");
        }
        assertEquals("LoadBalancer", apps.get("gateway").path("spec").path("service").path("type").asText());
    }

    @Test
    void theGatewayTakesPublicTrafficOnItsPublicPortOnly() throws IOException {
        JsonNode gateway = resources("OpenLibertyApplication").get("gateway").path("spec");
        assertTrue(gateway.path("networkPolicy").path("disable").asBoolean(), "the operator's policy is replaced");
        JsonNode policy = resources("NetworkPolicy").get("gateway").path("spec");
        assertEquals("gateway", policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/instance").asText());
        Set<Integer> ports = new TreeSet<>();
        policy.path("ingress").forEach(rule -> rule.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
        assertEquals(Set.of(serverXmlVariable("gateway", "http.port")), ports, "management port not reachable");
        assertTrue(gateway.path("service").path("ports").isMissingNode(), "the Service carries the public port only");
    }

    @Test
    void everyVariableGivenToAServiceIsOneThePlatformReads() throws IOException {
        Set<String> known = SettingsInCode.environmentNames();
        assertTrue(known.containsAll(Set.of("MONGODB_URI", "REDIS_PASSWORD", "AUTH_JWT_PRIVATE_KEY_LOCATION",
                "GATEWAY_ROUTE_ORDERS_UPSTREAMS", "MARKETPLACE_API_MP_REST_URL")), "settings found in the code");
        Map<String, JsonNode> configMaps = resources("ConfigMap");
        List<String> unknown = new ArrayList<>();
        for (JsonNode app : resources("OpenLibertyApplication").values()) {
            String name = app.path("metadata").path("name").asText();
            app.path("spec").path("env").forEach(e -> {
                if (!known.contains(e.path("name").asText())) {
                    unknown.add(name + " env " + e.path("name").asText());
                }
            });
            app.path("spec").path("envFrom").forEach(from -> {
                String map = from.path("configMapRef").path("name").asText("");
                if (!map.isEmpty()) {
                    assertTrue(configMaps.containsKey(map), name + " reads ConfigMap " + map);
                    configMaps.get(map).path("data").fieldNames().forEachRemaining(k -> {
                        if (!known.contains(k)) {
                            unknown.add(name + " ConfigMap " + map + " " + k);
                        }
                    });
                }
            });
        }
        assertEquals(List.of(), unknown, "variables no configuration name of the platform maps to (a typo?)");
    }

    @Test
    void noSecretValueInTheRepository() throws IOException {
        assertEquals(Map.of(), resources("Secret"));
        Pattern secretish = Pattern.compile("PASSWORD|SECRET|_KEY$|_URI$|KEY_ID");
        List<String> literal = new ArrayList<>();
        for (Path file : Repository.manifestFiles()) {
            for (JsonNode doc : ManifestValidator.documents(file)) {
                doc.findValues("env").forEach(env -> env.forEach(e -> {
                    if (secretish.matcher(e.path("name").asText()).find() && e.has("value")) {
                        literal.add(file.getFileName() + " " + e.path("name").asText());
                    }
                }));
                if (doc.path("kind").asText().equals("ConfigMap")) {
                    doc.path("data").fieldNames().forEachRemaining(k -> {
                        if (secretish.matcher(k).find() && !k.endsWith("_LOCATION")) {
                            literal.add(file.getFileName() + " ConfigMap " + k);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), literal, "secret settings must come from secretKeyRef / secretRef");
    }

    @Test
    void everyTopicTheCodeUsesIsAKafkaTopicWithThreeReplicas() throws IOException {
        Set<String> inCode = TopicsInCode.all();
        assertTrue(inCode.contains("order.created") && inCode.contains("payment.failed")
                && inCode.contains("vendor.approved") && inCode.size() >= 20, "topics found in the code: " + inCode);
        Map<String, JsonNode> topics = resources("KafkaTopic");
        Map<String, JsonNode> clusters = resources("Kafka");
        assertEquals(1, clusters.size());
        String cluster = clusters.keySet().iterator().next();
        Set<String> declared = new TreeSet<>();
        topics.forEach((name, topic) -> {
            String topicName = topic.path("spec").path("topicName").asText(name);
            declared.add(topicName);
            assertEquals(3, topic.path("spec").path("replicas").asInt(), topicName + " replicas");
            assertTrue(topic.path("spec").path("partitions").asInt() >= 3, topicName + " partitions");
            assertEquals(cluster, topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), topicName);
        });
        assertEquals(inCode, declared, "KafkaTopic resources = topics published or consumed in the code");
        for (JsonNode pool : resources("KafkaNodePool").values()) {
            assertEquals(cluster, pool.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            assertTrue(pool.path("spec").path("replicas").asInt() >= 3);
        }
        assertFalse(clusters.get(cluster).path("spec").path("kafka").path("config")
                .path("auto.create.topics.enable").asBoolean(true), "only declared topics");
    }

    @Test
    void mongoDbIsAThreeMemberReplicaSetAndRedisIsThere() throws IOException {
        Map<String, JsonNode> sets = resources("StatefulSet");
        JsonNode mongo = sets.get("mongodb");
        assertEquals(3, mongo.path("spec").path("replicas").asInt());
        assertTrue(mongo.toString().contains("\"--replSet\",\"rs0\""), "mongod runs as replica set member");
        assertTrue(resources("Job").get("mongodb-init").toString().contains("rs.initiate"));
        assertTrue(sets.containsKey("redis"));
        assertTrue(resources("Service").keySet().containsAll(Set.of("mongodb", "redis")));
    }

    /** Resources of one kind in deploy/kubernetes by metadata.name. */
    static Map<String, JsonNode> resources(String kind) throws IOException {
        Map<String, JsonNode> found = new HashMap<>();
        for (Path file : Repository.manifestFiles()) {
            for (JsonNode doc : ManifestValidator.documents(file)) {
                if (kind.equals(doc.path("kind").asText())) {
                    found.put(doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
        return found;
    }

    private static int serverXmlVariable(String server, String variable) throws IOException {
        String xml = Files.readString(Repository.root().resolve("server-config/servers/" + server + "/server.xml"));
        Matcher m = Pattern.compile("<variable name=\"" + Pattern.quote(variable) + "\" defaultValue=\"(\\d+)\"")
                .matcher(xml);
        assertTrue(m.find(), variable + " in " + server + "/server.xml");
        return Integer.parseInt(m.group(1));
    }
}
