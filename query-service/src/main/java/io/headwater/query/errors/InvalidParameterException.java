package io.headwater.query.errors;

/** A query parameter is missing or out of range; answered with 400 naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(parameter + " " + detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
