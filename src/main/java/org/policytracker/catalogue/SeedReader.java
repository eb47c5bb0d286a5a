package org.policytracker.catalogue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and validates the catalogue seed (docs/SEED-FORMAT.md). Plain Java: it needs no container,
 * so its error messages are tested directly. Nothing is returned unless every file is valid; the
 * exception lists every problem with its file, entry and field.
 */
public final class SeedReader {

    public static final int SCHEMA_VERSION = 1;
    public static final String INDEX = "index.yaml";

    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final SeedDirectory dir;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> hashes = new LinkedHashMap<>();

    private SeedReader(SeedDirectory dir) {
        this.dir = dir;
    }

    public static SeedModel.Catalogue read(SeedDirectory dir) {
        return new SeedReader(dir).readAll();
    }

    private SeedModel.Catalogue readAll() {
        JsonNode indexNode = readTree(INDEX);
        if (indexNode == null) {
            throw new SeedException(problems);
        }
        SeedModel.Index index = convert(indexNode, SeedModel.Index.class, INDEX, "index", "");
        if (index == null || index.files() == null || index.files().isEmpty()) {
            problem(INDEX, "index", "files", "must list the seed files to load");
            throw new SeedException(problems);
        }
        if (index.changeNote() != null && index.changeNote().length() > 2000) {
            problem(INDEX, "index", "changeNote", "must be at most 2000 characters");
        }
        List<SeedModel.DocumentFile> files = new ArrayList<>();
        for (String name : index.files()) {
            SeedModel.DocumentFile file = readDocumentFile(name);
            if (file != null) {
                files.add(file);
            }
        }
        if (problems.isEmpty()) {
            new CatalogueRules(problems, dir, this::sourceText).check(files);
        }
        if (!problems.isEmpty()) {
            throw new SeedException(problems);
        }
        return new SeedModel.Catalogue(List.copyOf(files), Map.copyOf(hashes), index.changeNote());
    }

    private SeedModel.DocumentFile readDocumentFile(String name) {
        JsonNode root = readTree(name);
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            problem(name, "file", "(root)", "must be a mapping with schemaVersion, document, indicators and targets");
            return null;
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!List.of("schemaVersion", "document", "indicators", "targets").contains(f)) {
                unknown.add(f);
            }
        });
        unknown.forEach(f -> problem(name, "file", f,
                "is not a known field (allowed: schemaVersion, document, indicators, targets)"));
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() != SCHEMA_VERSION) {
            problem(name, "file", "schemaVersion", "must be " + SCHEMA_VERSION + " (this application reads version "
                    + SCHEMA_VERSION + "), was " + (version == null ? "missing" : version.asText()));
            return null;
        }
        SeedModel.DocumentEntry document = convert(root.get("document"), SeedModel.DocumentEntry.class, name,
                "document", "");
        if (root.get("document") == null) {
            problem(name, "document", "document", "is required");
        }
        List<SeedModel.IndicatorEntry> indicators = convertList(root.get("indicators"), SeedModel.IndicatorEntry.class,
                name, "indicators", "code");
        List<SeedModel.TargetEntry> targets = convertList(root.get("targets"), SeedModel.TargetEntry.class, name,
                "targets", "id");
        return document == null ? null : new SeedModel.DocumentFile(name, document, indicators, targets);
    }

    private <T> List<T> convertList(JsonNode node, Class<T> type, String file, String listName, String idField) {
        List<T> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (!node.isArray()) {
            problem(file, listName, listName, "must be a list");
            return entries;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String id = item.hasNonNull(idField) ? item.get(idField).asText() : null;
            String entry = listName + "[" + i + "]" + (id == null ? "" : " (" + id + ")");
            T value = convert(item, type, file, entry, "");
            if (value != null) {
                entries.add(value);
            }
        }
        return entries;
    }

    private <T> T convert(JsonNode node, Class<T> type, String file, String entry, String prefix) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return yaml.treeToValue(node, type);
        } catch (JacksonException e) {
            problem(file, entry, fieldPath(e, prefix), describe(e));
            return null;
        }
    }

    private JsonNode readTree(String name) {
        byte[] bytes = dir.read(name).orElse(null);
        if (bytes == null) {
            problem(name, "file", "(file)", "does not exist");
            return null;
        }
        hashes.put(name, sha256(bytes));
        try {
            return yaml.readTree(bytes);
        } catch (IOException e) {
            String where = e instanceof JacksonException je && je.getLocation() != null
                    ? "line " + je.getLocation().getLineNr()
                    : "(file)";
            problem(name, where, "(syntax)", "is not valid YAML: " + firstLine(e.getMessage()));
            return null;
        }
    }

    /** The normalised text of a source file, or null (with a problem recorded) when it is missing. */
    private String sourceText(String file, String entry, String name) {
        byte[] bytes = dir.read(name).orElse(null);
        if (bytes == null) {
            problem(file, entry, "sourceText", "names " + dir.describe(name) + ", which does not exist");
            return null;
        }
        hashes.put(name, sha256(bytes));
        return Provenance.normaliseSource(new String(bytes, StandardCharsets.UTF_8));
    }

    private void problem(String file, String entry, String field, String message) {
        problems.add(dir.describe(file) + ": " + entry + ": field '" + field + "' " + message);
    }

    private static String fieldPath(JacksonException e, String prefix) {
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return prefix + jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return prefix.isEmpty() ? "(entry)" : prefix;
    }

    private static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException upe) {
            return "is not a known field (allowed: " + upe.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof InvalidFormatException ife) {
            Class<?> target = ife.getTargetType();
            if (target != null && target.isEnum()) {
                return "has value '" + ife.getValue() + "'; allowed: " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            return "has value '" + ife.getValue() + "', which is not a valid "
                    + (target == null ? "value" : target.getSimpleName());
        }
        return "is invalid: " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
