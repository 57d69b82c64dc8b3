package io.compclose.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a small YAML file (plans, crediting rules, a scheduled job, a payroll layout) into records and checks
 * them with Bean Validation. A value that does not bind (a word for a number, an unknown field) is a problem at
 * its field path, not the end of the read, so one read reports everything wrong with a document.
 * <p>
 * A file above {@link #MAX_BYTES} is refused unread; anchors are replayed within the parser's limits on events
 * and references, so a "billion laughs" file is refused rather than expanded.
 */
public final class BoundYaml {

    /** Far above any plan or layout, far below what would strain the heap. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** What a list item or a field that is no mapping is told (the other messages: ValidationMessages). */
    public static final String MAPPING = "must be a mapping of fields";

    private static final SnakeCase SNAKE_CASE = new SnakeCase();
    private static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLAnchorReplayingFactory.builder()
                    .loadSettings(LoadSettings.builder().setCodePointLimit(MAX_BYTES).build())
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .propertyNamingStrategy(SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .addHandler(new Collector())
            .addModule(new SimpleModule()
                    .addDeserializer(Integer.class, new Strict<>(Integer.class,
                            parser -> new BigDecimal(parser.getString()).intValueExact()))
                    .addDeserializer(Boolean.class, new Strict<>(Boolean.class, parser -> parser.currentToken()
                            == JsonToken.VALUE_TRUE ? Boolean.TRUE : parser.currentToken() == JsonToken.VALUE_FALSE
                            ? Boolean.FALSE : null))
                    .addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, parser -> parser.currentToken()
                            == JsonToken.VALUE_STRING ? LocalDate.parse(parser.getString()) : null)))
            .build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private BoundYaml() {
    }

    /** One document of a file: its record (null when it could not be bound) and what is wrong with it. */
    public record Document<T>(T value, FieldProblems problems) {
    }

    /** A file that cannot be read at all: too large, not UTF-8, not YAML, or a YAML bomb. */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A YAML file as the folders of plans and of scheduled jobs hold them: a regular file named *.yaml or *.yml. */
    public static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /** The YAML files of a folder, in name order; a folder missing, unlistable or without one is refused. */
    public static List<Path> filesIn(Path dir, String folder, String kind, Function<String, RuntimeException> refusal) {
        if (!Files.isDirectory(dir)) {
            throw refusal.apply(dir + ": " + folder + " folder not found");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(BoundYaml::isYaml).sorted().toList();
        } catch (IOException e) {
            throw refusal.apply(dir + ": cannot list the " + folder + " folder: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw refusal.apply(dir + ": no " + kind + " files (*.yaml)");
        }
        return files;
    }

    /** The single document of a file; an empty file is a document without a value. */
    public static <T> Document<T> read(Path file, Class<T> type) {
        List<Document<T>> documents = readAll(file, type);
        return documents.isEmpty() ? new Document<>(null, new FieldProblems()) : documents.get(0);
    }

    /** Every document of a file ({@code ---} between them), empty ones left out. */
    public static <T> List<Document<T>> readAll(Path file, Class<T> type) {
        AtomicReference<FieldProblems> current = new AtomicReference<>();
        List<Document<T>> documents = new ArrayList<>();
        try (MappingIterator<T> values = MAPPER.readerFor(type).withAttribute(Collector.class, current)
                .readValues(text(file))) {
            while (true) {
                FieldProblems problems = new FieldProblems();
                current.set(problems);
                T value;
                try {
                    if (!values.hasNextValue()) {
                        break;
                    }
                    value = values.nextValue();
                } catch (DatabindException e) {
                    // a mismatch no handler answers: what was read so far is reported, the rest is not read
                    problems.add(path(e), firstLine(e.getOriginalMessage()));
                    documents.add(new Document<>(null, problems));
                    break;
                }
                if (value != null) {
                    validate(value, problems);
                    documents.add(new Document<>(value, problems));
                } else if (!problems.isEmpty()) {
                    documents.add(new Document<>(null, problems));
                }
            }
        } catch (StreamConstraintsException e) {
            throw new UnreadableException("refused: its anchors and aliases expand beyond what a configuration "
                    + "file needs (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (JacksonException e) {
            throw new UnreadableException("not readable as YAML: " + yamlProblem(e), e);
        }
        return documents;
    }

    private static String text(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UnreadableException("refused unread: " + size + " bytes, above the " + MAX_BYTES
                        + " (1 MB) a configuration file may have", null);
            }
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new UnreadableException("not valid UTF-8 (save the file as UTF-8)", e);
        } catch (IOException e) {
            throw new UnreadableException("cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static <T> void validate(T value, FieldProblems problems) {
        VALIDATOR.validate(value).stream()
                .map(violation -> new String[] {path(violation), violation.getMessage()})
                .filter(problem -> !problems.has(problem[0])) // a value refused while binding is not also "required"
                .sorted(Comparator.comparing((String[] problem) -> problem[0]).thenComparing(problem -> problem[1]))
                .toList().forEach(problem -> problems.add(problem[0], problem[1]));
    }

    private static String path(ConstraintViolation<?> violation) {
        String path = "";
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                path += "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                path = FieldProblems.join(path, String.valueOf(node.getKey()));
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                path = FieldProblems.join(path, SNAKE_CASE.translate(node.getName()));
            }
        }
        return path;
    }

    private static String path(JacksonException e) {
        String path = "";
        for (JacksonException.Reference reference : e.getPath()) {
            path = reference.getPropertyName() != null ? FieldProblems.join(path, reference.getPropertyName())
                    : path + "[" + reference.getIndex() + "]";
        }
        return path;
    }

    /** The field the parser is at; a mapping or list just opened belongs to the field that holds it. */
    private static String path(JsonParser parser) {
        TokenStreamContext context = parser.streamReadContext();
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
            context = context.getParent();
        }
        String path = "";
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            String part = context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.currentName();
            path = part == null ? path : path.isEmpty() ? part : FieldProblems.join(part, path);
        }
        return path;
    }

    /** {@code expected ',' or '}' at line 14}: where the parser gave up, rather than what it was parsing. */
    private static String yamlProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                return marked.getProblem() + " at line " + (marked.getProblemMark().get().getLine() + 1);
            }
        }
        return failure instanceof JacksonException jackson ? firstLine(jackson.getOriginalMessage())
                : firstLine(failure.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Records each value that does not bind as a problem at its field, and reads on. */
    private static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                ValueDeserializer<?> deserializer, Object beanOrClass, String name) {
            List<String> known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().toList();
            // a record's unknown fields are replayed from a buffer once the record's mapping is read, the
            // document's parser then past its end: the path of the record is that parser's
            String path = parser == context.getParser() ? path(parser)
                    : FieldProblems.join(path(context.getParser()), name);
            problems(context).add(path, "unknown field '" + name + "'" + Nearest.among(name, known)
                    .map(near -> "; did you mean " + near + "?")
                    .orElse(" (known here: " + String.join(", ", known) + ")"));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value,
                String failure) {
            problems(context).add(path(context.getParser()), expected(type, value));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type, Number value,
                String failure) {
            problems(context).add(path(context.getParser()), expected(type, context.getParser().getString()));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token,
                JsonParser parser, String failure) {
            problems(context).add(path(parser), type.isCollectionLikeType() ? "must be a list"
                    : type.isMapLikeType() || type.isRecordType() ? MAPPING
                    : token.isScalarValue() ? expected(type.getRawClass(), parser.getString())
                    : "must be a single value");
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> type,
                ValueInstantiator instantiator, JsonParser parser, String failure) {
            problems(context).add(path(parser), MAPPING);
            parser.skipChildren();
            return null;
        }

        @SuppressWarnings("unchecked")
        private static FieldProblems problems(DeserializationContext context) {
            return ((AtomicReference<FieldProblems>) context.getAttribute(Collector.class)).get();
        }

        private static String expected(Class<?> type, String value) {
            if (type.isEnum()) {
                return "unknown value '" + value + "' (known: " + String.join(", ", Arrays.stream(
                        type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList()) + ")";
            }
            String what = type == Boolean.class ? "true or false" : type == LocalDate.class ? "a date YYYY-MM-DD"
                    : type == Currency.class ? "an upper-case ISO 4217 currency code"
                    : type == ZoneId.class ? "a time zone (a region such as Europe/Paris, or UTC)"
                    : type == Integer.class || type == Long.class ? "a whole number"
                    : Number.class.isAssignableFrom(type) ? "a number" : "a " + type.getSimpleName();
            return "must be " + what + ", was '" + value + "'";
        }
    }

    /**
     * A scalar read strictly: a value it refuses is a problem at its field, rather than a guess or the end of the
     * read. Jackson would read 1.5 as the whole number 1, 3 as a flag, 30000 as the 30,000th day after 1970-01-01.
     */
    private static final class Strict<T> extends StdScalarDeserializer<T> {
        /** The value, or null for a token that is none. */
        private final Function<JsonParser, T> read;

        Strict(Class<T> type, Function<JsonParser, T> read) {
            super(type);
            this.read = read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken().isStructStart()) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            try {
                T value = read.apply(parser);
                if (value != null) {
                    return value;
                }
            } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
                // answered below, like any other value of the wrong kind
            }
            return (T) context.handleWeirdStringValue(handledType(), parser.getString(), "refused");
        }
    }

    /**
     * The YAML names of the records' fields ({@code rate_table} for {@code rateTable}). Subclassed only to make
     * {@code translate} public: problem paths name fields the way the file spells them.
     */
    private static final class SnakeCase extends PropertyNamingStrategies.SnakeCaseStrategy {
        @Override
        public String translate(String name) {
            return super.translate(name);
        }
    }
}
