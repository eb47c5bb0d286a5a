package org.policytracker.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A target's {@link WordReading} as a JSON object in one column, read with its row (as the lists are). */
@Converter
public class WordReadingConverter implements AttributeConverter<WordReading, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(WordReading reading) {
        try {
            return reading == null ? null : JSON.writeValueAsString(reading);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store reading " + reading, e);
        }
    }

    @Override
    public WordReading convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(column, WordReading.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored reading is not a JSON object: " + column, e);
        }
    }
}
