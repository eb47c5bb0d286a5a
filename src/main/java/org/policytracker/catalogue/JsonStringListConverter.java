package org.policytracker.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;
import java.util.List;

/** A list of strings (agencies, scope) as a JSON array in one column ({@link JsonListConverter}). */
@Converter
public class JsonStringListConverter extends JsonListConverter<String> {

    public JsonStringListConverter() {
        super(new TypeReference<List<String>>() {
        });
    }
}
