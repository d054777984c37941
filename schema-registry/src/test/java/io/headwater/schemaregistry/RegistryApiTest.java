package io.headwater.schemaregistry;

import io.headwater.testkit.EmbeddedKafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The Confluent REST API as serializers and operators use it, against a registry on a real broker. */
@QuarkusTest
@QuarkusTestResource(EmbeddedKafkaTestResource.class)
class RegistryApiTest {

    private static final String V1 = "application/vnd.schemaregistry.v1+json";
    private static final String USER_V1 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
    // Adds a field with a default: new readers can read old data (BACKWARD).
    private static final String USER_V2 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
    // Adds a field without a default: breaks BACKWARD, keeps FORWARD.
    private static final String USER_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\"}]}";

    private static RequestSpecification api() {
        return given().contentType(V1).accept(V1);
    }

    private static int register(String subject, String schema) {
        return api().body(Map.of("schema", schema)).post("/subjects/{s}/versions", subject)
                .then().statusCode(200).extract().path("id");
    }

    @Test
    void registersIdempotentlyAndServesById() {
        int id = register("users-value", USER_V1);
        // Whitespace differences are the same schema: same id, no new version.
        int again = register("users-value", USER_V1.replace(",", ", "));
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(id);

        api().get("/schemas/ids/{id}", id).then().statusCode(200).body("schema", equalTo(USER_V1));
        api().get("/subjects/users-value/versions").then().statusCode(200).body("", contains(1));
        api().get("/subjects/users-value/versions/latest").then().statusCode(200)
                .body("subject", equalTo("users-value")).body("version", equalTo(1)).body("id", equalTo(id));
        api().get("/subjects").then().body("", hasItem("users-value"));
        api().get("/schemas/ids/{id}/versions", id).then().body("[0].subject", equalTo("users-value"));

        // The same schema under another subject keeps its global id.
        org.assertj.core.api.Assertions.assertThat(register("other-value", USER_V1)).isEqualTo(id);
    }

    @Test
    void enforcesBackwardCompatibilityByDefault() {
        register("compat-value", USER_V1);
        api().body(Map.of("schema", USER_NO_DEFAULT)).post("/subjects/compat-value/versions")
                .then().statusCode(409).body("error_code", equalTo(409)).body("message", containsString("incompatible"));
        api().body(Map.of("schema", USER_NO_DEFAULT)).post("/compatibility/subjects/compat-value/versions/latest")
                .then().statusCode(200).body("is_compatible", equalTo(false));
        api().body(Map.of("schema", USER_V2)).post("/compatibility/subjects/compat-value/versions/latest")
                .then().statusCode(200).body("is_compatible", equalTo(true));
        int v2 = register("compat-value", USER_V2);
        api().get("/subjects/compat-value/versions/2").then().statusCode(200).body("id", equalTo(v2));

        // FORWARD on the subject: a field without a default is fine, removing the defaulted one too.
        api().body(Map.of("compatibility", "FORWARD")).put("/config/compat-value").then().statusCode(200).body("compatibility", equalTo("FORWARD"));
        api().get("/config/compat-value").then().body("compatibilityLevel", equalTo("FORWARD"));
        register("compat-value", "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\",\"default\":0},{\"name\":\"email\",\"type\":\"string\"}]}");
        api().delete("/config/compat-value").then().statusCode(200);
        api().get("/config/compat-value").then().statusCode(404).body("error_code", equalTo(40408));
        api().get("/config/compat-value?defaultToGlobal=true").then().body("compatibilityLevel", equalTo("BACKWARD"));
    }

    @Test
    void transitiveModesCheckEveryVersion() {
        api().body(Map.of("compatibility", "BACKWARD_TRANSITIVE")).put("/config/trans-value").then().statusCode(200);
        register("trans-value", USER_V1);
        // v2 drops 'name' and adds 'nick' with a default: readable from v1? no ('nick' default ok, but fine) -> make a chain
        String v2 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}";
        register("trans-value", v2);
        // v3 requires 'email' without default: reads v2 data but not v1 data, so only a transitive check refuses it.
        String v3 = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\"}]}";
        api().body(Map.of("schema", v3)).post("/subjects/trans-value/versions").then().statusCode(409);
        api().body(Map.of("compatibility", "BACKWARD")).put("/config/trans-value").then().statusCode(200);
        register("trans-value", v3);
    }

    @Test
    void looksUpAndDeletesLikeConfluent() {
        int id = register("del-value", USER_V1);
        api().body(Map.of("schema", USER_V1)).post("/subjects/del-value").then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(1));
        api().body(Map.of("schema", USER_V2)).post("/subjects/del-value").then().statusCode(404).body("error_code", equalTo(40403));
        api().body(Map.of("schema", USER_V1)).post("/subjects/nobody").then().statusCode(404).body("error_code", equalTo(40401));

        api().delete("/subjects/del-value?permanent=true").then().statusCode(404).body("error_code", equalTo(40405));
        api().delete("/subjects/del-value").then().statusCode(200).body("", contains(1));
        api().get("/subjects").then().body("", not(hasItem("del-value")));
        api().get("/subjects?deleted=true").then().body("", hasItem("del-value"));
        api().delete("/subjects/del-value?permanent=true").then().statusCode(200).body("", contains(1));
        api().get("/subjects/del-value/versions").then().statusCode(404).body("error_code", equalTo(40401));
        // Ids are immutable: the schema stays readable by id for old records.
        api().get("/schemas/ids/{id}", id).then().statusCode(200);
    }

    @Test
    void rejectsBadInputWithConfluentErrorCodes() {
        api().body(Map.of("schema", "{\"type\":\"record\",\"name\":\"Broken\"")).post("/subjects/bad-value/versions")
                .then().statusCode(422).body("error_code", equalTo(42201));
        api().body(Map.of("schema", "{}", "schemaType", "PROTOBUF")).post("/subjects/bad-value/versions")
                .then().statusCode(422).body("error_code", equalTo(42201));
        api().get("/subjects/nobody/versions/1").then().statusCode(404).body("error_code", equalTo(40401));
        register("ver-value", USER_V1);
        api().get("/subjects/ver-value/versions/7").then().statusCode(404).body("error_code", equalTo(40402));
        api().get("/subjects/ver-value/versions/zero").then().statusCode(422).body("error_code", equalTo(42202));
        api().get("/schemas/ids/99999").then().statusCode(404).body("error_code", equalTo(40403));
        api().body(Map.of("compatibility", "SIDEWAYS")).put("/config").then().statusCode(422).body("error_code", equalTo(42203));
        given().contentType(ContentType.JSON).body("{not json").post("/subjects/x/versions").then().statusCode(400)
                .body("error_code", equalTo(400)).body("message", containsString("JSON"));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/subjects/{subject}/versions"));
    }
}
