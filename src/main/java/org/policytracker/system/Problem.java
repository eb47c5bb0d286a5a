package org.policytracker.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body, worded in the request's language (Accept-Language; Chinese by
 * default). {@code errors} names each offending field, with a machine-readable code and what is allowed;
 * it is empty when the problem is not about a field.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json), in the "
        + "language of Accept-Language (zh by default, en)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "The field, query parameter or CSV column at fault") String field,
            @Schema(description = "What is wrong, for programs: stable across languages, e.g. value.share") String code,
            @Schema(description = "What is wrong and what is allowed, in the request's language") String message) {
    }
}
