package io.headwater.schemaregistry.model;

/**
 * An error in Confluent's terms: an HTTP status and a five-digit error code that clients switch on
 * (e.g. 40401 subject not found, 409 incompatible, 42201 invalid schema).
 */
public class RegistryError extends RuntimeException {

    private final int status;
    private final int errorCode;

    public RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    public static RegistryError versionNotFound(String subject, Object version) {
        return new RegistryError(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    public static RegistryError schemaNotFound() {
        return new RegistryError(404, 40403, "Schema not found");
    }

    public static RegistryError subjectSoftDeleted(String subject) {
        return new RegistryError(404, 40404, "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
    }

    public static RegistryError subjectNotSoftDeleted(String subject) {
        return new RegistryError(404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    public static RegistryError versionNotSoftDeleted(String subject, int version) {
        return new RegistryError(404, 40407, "Subject '" + subject + "' Version " + version + " was not deleted first before being permanently deleted");
    }

    public static RegistryError subjectConfigNotFound(String subject) {
        return new RegistryError(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    public static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, 42201, "Invalid schema: " + detail);
    }

    public static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public static RegistryError invalidCompatibilityLevel(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are none, backward, "
                + "forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    public static RegistryError incompatible(String detail) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for subject; " + detail);
    }

    public static RegistryError storeError(String detail) {
        return new RegistryError(500, 50001, "Error in the backend data store: " + detail);
    }

    public static RegistryError timeout(String detail) {
        return new RegistryError(500, 50002, "Operation timed out: " + detail);
    }
}
