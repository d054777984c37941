package io.headwater.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.headwater.contract.access.Roles;
import io.headwater.contract.graph.NodeId;
import io.headwater.devstack.ServiceProcess;
import io.headwater.testkit.Fixtures;
import io.headwater.testkit.Http;
import io.headwater.testkit.PlatformExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as a secured deployment runs it: Kafka reachable only over SASL_SSL (SCRAM-SHA-512, a CA
 * made for the test, the broker's PLAINTEXT listener never given to a service), the registry behind basic
 * auth, every secret given as a file. Events flow end to end; no secret shows in a log or an answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredClusterIT {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.securedWithGraph();

    @Test
    @Order(1)
    void eventsAndDecisionsFlowEndToEndOverSaslSslThroughTheAuthenticatedRegistry() {
        assertThat(PLATFORM.platform().clientConfig()).containsEntry("kafka.security.protocol", "SASL_SSL");
        for (Path event : Fixtures.events("spark-captured")) {
            PLATFORM.ingest("/api/v1/lineage", read(event)).expect(201);
        }
        String revenue = NodeId.dataset("file", "/srv/spark-demo/data/out/revenue_by_country").value();
        JsonNode lineage = PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/lineage?nodeId=" + Http.encode(revenue)),
                answer -> answer.path("graph").size() >= 3, Duration.ofSeconds(90));
        List<String> kinds = new ArrayList<>();
        lineage.path("graph").forEach(node -> kinds.add(node.path("type").asText()));
        assertThat(kinds).as("the Spark job and its datasets, projected by lineage-streams over SASL_SSL").contains("JOB", "DATASET");
        PLATFORM.ingest("/api/v1/decisions", """
                {"decisionId":"secured-1","modelName":"m","modelVersion":"1","decisionTime":"2026-11-26T10:00:00Z","output":{"ok":true}}""").expect(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(PLATFORM.query("/api/v1/decisions/secured-1").status()).isEqualTo(200));
        for (ServiceProcess service : services()) {
            PLATFORM.http().get(service.url() + "/q/health/ready").expect(200);
        }
    }

    @Test
    @Order(2)
    void theRegistryLetsNoOneInWithoutAKeyAndOnlyAdminsAndServicesWrite() {
        String registry = PLATFORM.platform().registry.url();
        Http.Response anonymous = PLATFORM.anonymous().get(registry + "/subjects");
        assertThat(anonymous.status()).isEqualTo(401);
        // One challenge per header, as browsers and Confluent clients read them: Bearer, and Basic for a login prompt.
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Basic realm="))
                .anySatisfy(h -> assertThat(h).startsWith("Bearer realm="));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("headwater:not-the-password".getBytes());
        assertThat(PLATFORM.anonymous().send("GET", registry + "/subjects", null, "Authorization", wrong).status()).isEqualTo(401);
        assertThat(PLATFORM.anonymous().get(registry + "/q/health/ready").status()).isEqualTo(200);
        // The services registered the contract's schemas with the shared service key, as Confluent's basic.auth.user.info.
        String service = "Basic " + Base64.getEncoder().encodeToString(("headwater:" + registryPassword()).getBytes());
        String subject = io.headwater.contract.Topics.LINEAGE.name() + "-value";
        assertThat(PLATFORM.anonymous().send("GET", registry + "/subjects", null, "Authorization", service).expect(200).body()).contains(subject);
        // Any principal reads; a reader may neither delete the contract's subject nor weaken its compatibility.
        String reader = "Basic " + Base64.getEncoder().encodeToString(("any:" + PLATFORM.platform().authorization(Roles.READER).substring(7)).getBytes());
        assertThat(PLATFORM.anonymous().send("GET", registry + "/subjects", null, "Authorization", reader).status()).isEqualTo(200);
        assertThat(as(Roles.READER).send("DELETE", registry + "/subjects/" + subject, null).status()).isEqualTo(403);
        assertThat(as(Roles.PRODUCER).send("PUT", registry + "/config/" + subject, "{\"compatibility\":\"NONE\"}").status()).isEqualTo(403);
        assertThat(as(Roles.READER).send("POST", registry + "/subjects/intruder-value/versions", "{\"schema\":\"\\\"string\\\"\"}").status()).isEqualTo(403);
        assertThat(as(Roles.READER).get(registry + "/subjects/" + subject + "/versions").status()).isEqualTo(200);
        assertThat(as(Roles.ADMIN).get(registry + "/config/" + subject).status()).isIn(200, 404);
    }

    @Test
    @Order(3)
    void noSecretAppearsInAnyLogOrHealthAnswer() throws Exception {
        List<String> secrets = PLATFORM.platform().secrets();
        assertThat(secrets).as("two passwords, four API keys and the shared service key").hasSize(7);
        List<String> leaks = new ArrayList<>();
        for (ServiceProcess service : services()) {
            String log = Files.readString(service.logFile());
            String health = PLATFORM.http().get(service.url() + "/q/health").body();
            for (String secret : secrets) {
                if (log.contains(secret)) {
                    leaks.add(service.name() + " log");
                }
                if (health.contains(secret)) {
                    leaks.add(service.name() + " health");
                }
            }
            assertThat(log).as(service.name() + " log says how it reaches Kafka").containsPattern("SASL_SSL|security.protocol");
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    @Order(4)
    void everyEndpointButHealthNeedsAKeyWithTheRoleItNames() {
        Http anonymous = PLATFORM.anonymous();
        String ingest = PLATFORM.platform().ingest.url();
        String query = PLATFORM.platform().query.url();
        String event = read(Fixtures.events("spark-captured").get(0));

        Http.Response none = anonymous.post(ingest + "/api/v1/lineage", event);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("Bearer"));
        assertThat(none.json().path("type").asText()).endsWith("unauthenticated");
        Http.Response forged = anonymous.send("POST", ingest + "/api/v1/lineage", event, "Authorization", "Bearer hwk_aaaaaaaaaaaa_" + "x".repeat(43));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("type").asText()).endsWith("credentials-refused");
        assertThat(anonymous.get(query + "/api/v1/decisions/secured-1").status()).isEqualTo(401);

        Http.Response readerSends = as(Roles.READER).post(ingest + "/api/v1/lineage", event);
        assertThat(readerSends.status()).isEqualTo(403);
        assertThat(readerSends.json().path("detail").asText()).contains("producer");
        assertThat(as(Roles.PRODUCER).get(query + "/api/v1/decisions/secured-1").status()).isEqualTo(403);
        assertThat(as(Roles.READER).get(query + "/api/v1/decisions/secured-1").status()).isEqualTo(200);

        // The instance-to-instance look-ups answer the services' own identity, never a user's key.
        assertThat(as(Roles.READER).get(query + "/internal/v1/decisions/secured-1").status()).isEqualTo(403);
        assertThat(as(Roles.ADMIN).get(query + "/internal/v1/decisions/secured-1").status()).isEqualTo(403);
        assertThat(as(Roles.SERVICE).get(query + "/internal/v1/decisions/secured-1").status()).isEqualTo(200);

        assertThat(as(Roles.READER).get(query + "/api/v1/alerts/webhooks").status()).isEqualTo(403);
        assertThat(as(Roles.ADMIN).get(query + "/api/v1/alerts/webhooks").status()).isEqualTo(200);

        for (ServiceProcess service : List.of(PLATFORM.platform().ingest, PLATFORM.platform().query)) {
            assertThat(anonymous.get(service.url() + "/q/health/ready").status()).as("probes stay open").isEqualTo(200);
            assertThat(anonymous.get(service.url() + "/q/metrics").status()).isEqualTo(401);
            assertThat(anonymous.get(service.url() + "/q/openapi").status()).isEqualTo(401);
            assertThat(as(Roles.READER).get(service.url() + "/q/metrics").status()).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void anAdminMakesAndRevokesAKeyOverRestAndEveryServiceAgreesAtOnce() {
        String keys = PLATFORM.platform().query.url() + "/api/v1/keys";
        String request = """
                {"roles":["producer"],"description":"a Spark cluster","expiresAt":"2099-01-01T00:00:00Z"}""";
        assertThat(as(Roles.READER).post(keys, request).status()).as("only an admin makes keys").isEqualTo(403);
        JsonNode made = as(Roles.ADMIN).post(keys, request).expect(201).json();
        String token = made.path("token").asText();
        assertThat(token).startsWith("hwk_");
        assertThat(made.path("createdBy").asText()).as("who made it is recorded").isNotBlank();
        JsonNode listed = as(Roles.ADMIN).get(keys).expect(200).json();
        assertThat(listed.toString()).as("the list never holds a secret or its hash").doesNotContain(token.substring(17)).doesNotContain("secretHash");

        Http holder = PLATFORM.anonymous().withAuthorization("Bearer " + token);
        String decisions = PLATFORM.platform().ingest.url() + "/api/v1/decisions";
        String decision = """
                {"decisionId":"keyed-%s","modelName":"m","modelVersion":"1","decisionTime":"2026-11-26T10:00:00Z","output":{"ok":true}}""";
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(holder.post(decisions, decision.formatted(1)).status()).isEqualTo(201));
        // Used on ingest-service, seen as used by query-service's list: every instance reports the keys it let in.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(lastUsed(as(Roles.ADMIN).get(keys).expect(200).json(), made.path("id").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(made.path("createdAt").asText())));
        as(Roles.ADMIN).send("DELETE", keys + "/" + made.path("id").asText(), null).expect(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(holder.post(decisions, decision.formatted(2)).status()).isEqualTo(401));
        assertThat(as(Roles.ADMIN).send("DELETE", keys + "/nosuchkey000", null).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aKeyScopedToANamespaceWritesOnlyThereAndCannotEndAnotherTeamsRun() {
        String keys = PLATFORM.platform().query.url() + "/api/v1/keys";
        JsonNode spark = as(Roles.ADMIN).post(keys, """
                {"roles":["producer"],"namespaces":["team-spark"],"description":"the Spark team"}""").expect(201).json();
        Http sparkTeam = PLATFORM.anonymous().withAuthorization("Bearer " + spark.path("token").asText());
        String lineage = PLATFORM.platform().ingest.url() + "/api/v1/lineage";
        String otherTeamsRun = java.util.UUID.randomUUID().toString();
        PLATFORM.ingest("/api/v1/lineage", PoisonInputIT.runEvent(otherTeamsRun, "START", "2026-11-26T10:00:00Z", "payments_job", "{}")
                .replace("\"namespace\":\"" + namespaceOf(otherTeamsRun) + "\"", "\"namespace\":\"team-payments\"")).expect(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Http.Response foreignFail = sparkTeam.post(lineage, PoisonInputIT.runEvent(otherTeamsRun, "FAIL", "2026-11-26T10:05:00Z", "payments_job", "{}")
                    .replace("\"namespace\":\"" + namespaceOf(otherTeamsRun) + "\"", "\"namespace\":\"team-payments\""));
            assertThat(foreignFail.status()).as(foreignFail.body()).isEqualTo(403);
            assertThat(foreignFail.json().path("type").asText()).endsWith("namespace-not-allowed");
            assertThat(foreignFail.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/job/namespace");
        });
        String ownRun = java.util.UUID.randomUUID().toString();
        sparkTeam.post(lineage, PoisonInputIT.runEvent(ownRun, "COMPLETE", "2026-11-26T10:00:00Z", "spark_job", "{}")
                .replace("\"namespace\":\"" + namespaceOf(ownRun) + "\"", "\"namespace\":\"team-spark\"")
                .replace("\"outputs\":[{\"namespace\":\"file\"", "\"outputs\":[{\"namespace\":\"team-spark\"")).expect(201);
        // Every stored fact names who sent it.
        List<io.headwater.avro.LineageEvent> events = lineageEvents(read -> read.stream().anyMatch(e -> e.getRun().getRunId().equals(ownRun)));
        assertThat(events).filteredOn(e -> e.getRun().getRunId().equals(ownRun)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getSentBy()).isEqualTo(spark.path("id").asText()));
        assertThat(events).filteredOn(e -> e.getRun().getRunId().equals(otherTeamsRun))
                .extracting(e -> e.getEventType().toString()).as("the foreign FAIL was never stored").containsOnly("START");
    }

    /** The run events on the lineage topic, decoded with the contract's schema (the registry needs a key to read). */
    private static List<io.headwater.avro.LineageEvent> lineageEvents(java.util.function.Predicate<List<io.headwater.avro.LineageEvent>> done) {
        List<io.headwater.avro.LineageEvent> events = new ArrayList<>();
        org.apache.avro.specific.SpecificDatumReader<io.headwater.avro.LineageEvent> reader =
                new org.apache.avro.specific.SpecificDatumReader<>(io.headwater.avro.LineageEvent.class);
        io.headwater.testkit.TopicReader.raw(PLATFORM.platform().kafka.bootstrapServers(), io.headwater.contract.Topics.LINEAGE.name(), read -> {
            events.clear();
            for (var record : read) {
                byte[] bytes = record.value();
                try {
                    io.headwater.avro.LineageEvent event = reader.read(null,
                            org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
                    if (event.getRun() != null) {
                        events.add(event);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return done.test(events);
        }, Duration.ofSeconds(30));
        return events;
    }

    @Test
    @Order(7)
    void aPlantedGitTokenSparkSecretAndAwsKeyAppearInNoTopicAnswerOrLog() throws Exception {
        String gitToken = "ghp_" + "4".repeat(36);
        String sparkSecret = "s3a-secret-" + java.util.UUID.randomUUID();
        String awsKey = "aws-secret-" + java.util.UUID.randomUUID();
        String run = java.util.UUID.randomUUID().toString();
        String event = PoisonInputIT.runEvent(run, "COMPLETE", "2026-11-26T10:00:00Z", "leaky_job", """
                {"spark_properties":{"_producer":"x","_schemaURL":"https://example.com/spark_properties.json",
                  "properties":{"spark.master":"local","spark.hadoop.fs.s3a.secret.key":"%s"}},
                 "environmentVariables":{"_producer":"x","_schemaURL":"https://example.com/env.json",
                  "environmentVariables":[{"name":"AWS_SECRET_ACCESS_KEY","value":"%s"}]}}""".formatted(sparkSecret, awsKey));
        event = event.replaceFirst("\"job\":\\{", "\"job\":{\"facets\":{\"sourceCodeLocation\":{\"_producer\":\"x\","
                + "\"_schemaURL\":\"https://openlineage.io/spec/facets/1-0-1/SourceCodeLocationJobFacet.json\",\"type\":\"git\","
                + "\"url\":\"https://deploy:" + gitToken + "@github.com/acme/etl.git\"}},");
        PLATFORM.ingest("/api/v1/lineage", event).expect(201);
        JsonNode answer = PLATFORM.http().await(PLATFORM.queryUrl("/api/v1/runs/" + run), a -> a.has("runId") || a.has("id"), Duration.ofSeconds(60));
        String reproduce = PLATFORM.query("/api/v1/runs/" + run + "/reproduce").body();
        // A webhook's signing secret is shown once, in the answer that made it, and sealed on its topic.
        String webhookSecret = as(Roles.ADMIN).post(PLATFORM.platform().query.url() + "/api/v1/alerts/webhooks",
                "{\"url\":\"http://127.0.0.1:9/hook\"}").expect(201).json().path("secret").asText();
        assertThat(webhookSecret).hasSizeGreaterThan(20);
        assertThat(as(Roles.ADMIN).get(PLATFORM.platform().query.url() + "/api/v1/alerts/webhooks").body()).doesNotContain(webhookSecret);
        List<String> secrets = List.of(gitToken, sparkSecret, awsKey, webhookSecret);
        for (String secret : secrets.subList(0, 3)) {
            assertThat(answer.toString()).doesNotContain(secret);
            assertThat(reproduce).doesNotContain(secret);
        }
        List<String> leaks = new ArrayList<>();
        // Every record of every topic, internal ones (changelogs, repartitions) included, read to its end.
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                java.util.Map.of("bootstrap.servers", PLATFORM.platform().kafka.bootstrapServers()),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().values().forEach(infos -> infos.forEach(i -> partitions.add(new org.apache.kafka.common.TopicPartition(i.topic(), i.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            java.util.Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    String value = record.value() == null ? "" : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
                    secrets.stream().filter(value::contains).forEach(secret -> leaks.add(record.topic()));
                }
            }
            assertThat(partitions).as("topics read").hasSizeGreaterThan(20);
        }
        for (ServiceProcess service : services()) {
            String log = Files.readString(service.logFile());
            secrets.stream().filter(log::contains).forEach(secret -> leaks.add(service.name() + " log"));
        }
        assertThat(leaks).as("where a planted secret was found").isEmpty();
    }

    @Test
    @Order(8)
    void theAuditShowsWhoReadADecisionAndWhoWasTurnedAway() {
        String decision = PLATFORM.platform().query.url() + "/api/v1/decisions/secured-1";
        as(Roles.READER).get(decision).expect(200);
        PLATFORM.anonymous().get(decision);
        PLATFORM.anonymous().withAuthorization("Bearer hwk_zzzzzzzzzzzz_" + "y".repeat(43)).get(decision);
        String reader = PLATFORM.platform().authorization(Roles.READER).split("_")[1];
        String audit = PLATFORM.platform().query.url() + "/api/v1/audit?id=secured-1";
        assertThat(as(Roles.READER).get(audit).status()).as("only auditors read the audit").isEqualTo(403);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode entries = as(Roles.AUDITOR).get(audit).expect(200).json().path("entries");
            List<String> seen = new ArrayList<>();
            entries.forEach(e -> seen.add(e.path("principal").asText() + " " + e.path("method").asText() + " " + e.path("status").asInt()));
            assertThat(seen).contains(reader + " GET 200", "anonymous GET 401", "refused:zzzzzzzzzzzz GET 401");
            entries.forEach(e -> assertThat(e.path("service").asText()).isEqualTo("headwater-query-service"));
        });
        // The instances' own look-up into the audit index admits only the services' identity, and a body without an id is a 400.
        String hits = PLATFORM.platform().query.url() + "/internal/v1/audit-hits";
        String ask = "{\"query\":{\"id\":\"secured-1\"},\"newest\":10}";
        assertThat(PLATFORM.anonymous().post(hits, ask).status()).as("no credentials").isEqualTo(401);
        assertThat(as(Roles.AUDITOR).post(hits, ask).status()).as("an auditor asks the public audit, not the instances' look-up").isEqualTo(403);
        assertThat(as(Roles.SERVICE).post(hits, ask).status()).isEqualTo(200);
        assertThat(as(Roles.SERVICE).post(hits, "{\"newest\":10}").status()).as("no id").isEqualTo(400);
        assertThat(as(Roles.SERVICE).post(hits, "{not json").status()).as("malformed").isEqualTo(400);
        // The audit index answers it (Q11), on the secured cluster too: once it has caught up, the topic is read only past it.
        long recorded = as(Roles.AUDITOR).get(PLATFORM.platform().query.url() + "/api/v1/audit?limit=10000").expect(200).json().path("entries").size();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode page = as(Roles.AUDITOR).get(audit).expect(200).json();
            assertThat(page.path("indexed").asLong()).as("entries the index gave").isGreaterThanOrEqualTo(3);
            assertThat(page.path("scanned").asLong()).as("records read from the topic, of " + recorded).isLessThan(recorded / 2);
        });
        String export = as(Roles.AUDITOR).send("GET", PLATFORM.platform().query.url() + "/api/v1/audit/export?principal=" + reader, null,
                "Accept", "application/x-ndjson").expect(200).body();
        List<String> lines = export.lines().toList();
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.get(lines.size() - 1)).contains("\"end\":true").contains("\"partial\":false");
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).contains("\"principal\":\"" + reader + "\""));
        // Ingest audits its requests too, to the same topic.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(as(Roles.AUDITOR)
                .get(PLATFORM.platform().query.url() + "/api/v1/audit?limit=10000").json().path("entries").toString())
                .contains("headwater-ingest-service").contains("/api/v1/lineage"));
    }

    @Test
    @Order(9)
    void anIdentityProvidersJwtIsTakenWithTheRolesItsGroupsNameAndAnExpiredOneIsNot() {
        io.headwater.testkit.TestJwts idp = PLATFORM.platform().jwts();
        String decision = PLATFORM.platform().query.url() + "/api/v1/decisions/secured-1";
        Http ada = PLATFORM.anonymous().withAuthorization("Bearer " + idp.token("ada", List.of("reader")));
        assertThat(ada.get(decision).status()).isEqualTo(200);
        Http expired = PLATFORM.anonymous().withAuthorization("Bearer " + idp.token("ada", List.of("reader"),
                java.time.Instant.now().minusSeconds(60), io.headwater.testkit.TestJwts.ISSUER));
        Http.Response refused = expired.get(decision);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asText()).endsWith("credentials-refused");
        Http producerOnly = PLATFORM.anonymous().withAuthorization("Bearer " + idp.token("bob", List.of("producer")));
        assertThat(producerOnly.get(decision).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(as(Roles.AUDITOR)
                .get(PLATFORM.platform().query.url() + "/api/v1/audit?principal=jwt:ada").json().path("entries").toString())
                .contains("/api/v1/decisions/secured-1"));
    }

    @Test
    @Order(10)
    void aDecisionNeverChangesTheSameContentAgainIsFineForgedContentIsA409() {
        String same = """
                {"decisionId":"secured-1","modelName":"m","modelVersion":"1","decisionTime":"2026-11-26T10:00:00Z","output":{"ok":true}}""";
        PLATFORM.ingest("/api/v1/decisions", same).expect(201);
        Http.Response forged = PLATFORM.ingest("/api/v1/decisions", same.replace("\"modelVersion\":\"1\"", "\"modelVersion\":\"forged\""));
        assertThat(forged.status()).as(forged.body()).isEqualTo(409);
        assertThat(forged.json().path("type").asText()).endsWith("decision-conflict");
        assertThat(forged.json().path("detail").asText()).contains("secured-1").contains("modelVersion: '1' recorded, 'forged' sent");
        assertThat(PLATFORM.query("/api/v1/decisions/secured-1").json().path("modelVersion").asText()).isEqualTo("1");
    }

    private static String namespaceOf(String run) {
        String event = PoisonInputIT.runEvent(run, "START", "2026-11-26T10:00:00Z", "x", "{}");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"job\":\\{\"namespace\":\"([^\"]+)\"").matcher(event);
        return m.find() ? m.group(1) : "";
    }

    @Test
    @Order(11)
    void anAdminManagesKeysFromTheCommandLine() {
        String admin = PLATFORM.platform().authorization(Roles.ADMIN).substring("Bearer ".length());
        io.headwater.devstack.KeyAdmin cli = new io.headwater.devstack.KeyAdmin(PLATFORM.platform().query.url(), admin);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int made = cli.run(new String[]{"create", "--role", "reader", "--namespace", "ml", "--description", "an analyst's laptop"},
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertThat(made).as(err.toString()).isZero();
        String token = out.toString().trim();
        assertThat(token).as("only the token on standard output, for $(...)").matches("hwk_[a-z0-9]+_\\S+");
        assertThat(err.toString()).contains("limited to [\"ml\"]");
        String id = token.split("_")[1];
        Http holder = PLATFORM.anonymous().withAuthorization("Bearer " + token);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(holder.get(PLATFORM.queryUrl("/api/v1/models")).status()).isEqualTo(200));

        out.reset();
        assertThat(cli.run(new String[]{"list"}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isZero();
        assertThat(out.toString().lines()).anySatisfy(line -> assertThat(line).startsWith(id).contains("reader", "ml", "active", "an analyst's laptop"));
        assertThat(out.toString()).doesNotContain(token.substring(17));

        assertThat(cli.run(new String[]{"revoke", id}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isZero();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(holder.get(PLATFORM.queryUrl("/api/v1/models")).status()).isEqualTo(401));
        err.reset();
        assertThat(cli.run(new String[]{"revoke", "nosuchkey000"}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).isEqualTo(1);
        assertThat(err.toString()).contains("404");
        io.headwater.devstack.KeyAdmin reader = new io.headwater.devstack.KeyAdmin(PLATFORM.platform().query.url(),
                PLATFORM.platform().authorization(Roles.READER).substring("Bearer ".length()));
        assertThat(reader.run(new String[]{"list"}, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).as("only an admin").isEqualTo(1);
        assertThat(err.toString()).contains("403");
    }

    @Test
    @Order(12)
    void theWebPageAsksForAKeyAndTakesAReadersKey() throws Exception {
        BrowserSuite.run(Map.of("HEADWATER_QUERY_URL", PLATFORM.platform().query.url(), "HEADWATER_UI_MODE", "sign-in",
                "HEADWATER_READER_KEY", PLATFORM.platform().authorization(Roles.READER).substring("Bearer ".length())));
    }

    private static java.time.Instant lastUsed(JsonNode keys, String id) {
        for (JsonNode key : keys) {
            if (key.path("id").asText().equals(id)) {
                return key.hasNonNull("lastUsedAt") ? java.time.Instant.parse(key.get("lastUsedAt").asText()) : java.time.Instant.MIN;
            }
        }
        throw new AssertionError("no key " + id + " in " + keys);
    }

    private static Http as(String role) {
        return PLATFORM.anonymous().withAuthorization(PLATFORM.platform().authorization(role));
    }

    private static List<ServiceProcess> services() {
        return List.of(PLATFORM.platform().registry, PLATFORM.platform().ingest, PLATFORM.platform().streams, PLATFORM.platform().query);
    }

    private static String registryPassword() {
        try {
            String file = PLATFORM.platform().clientConfig().get("headwater.schema-registry.basic-auth-file");
            return Files.readString(Path.of(file)).strip().substring("headwater:".length());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
