package io.headwater.contract.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which names name a secret (a field, a Spark property, an environment variable, a query parameter): one
 * rule for ingest's redaction of stored facts and for the access audit's masking of query parameters.
 */
public final class SecretNames {

    /** Words that name a secret wherever they appear in a name, in any case. */
    private static final List<String> WORDS = List.of("password", "passwd", "passphrase", "secret", "token", "credential", "apikey",
            "aws_secret", "aws_session", "google_application_credentials", "azure_client_secret", "azure_storage_key");
    /** Pairs that name a secret written together or with one of {@code _ . -} between them (api_key, access.key, client-secret). */
    private static final List<String[]> PAIRS = List.of(pair("api", "key"), pair("access", "key"), pair("private", "key"), pair("client", "secret"),
            pair("connection", "string"), pair("sas", "key"), pair("account", "key"), pair("auth", "key"), pair("signing", "key"), pair("session", "key"));
    /** Every literal to look for: the words, and each pair in its four spellings. Plain substring tests, no regular expression: ingest asks this of every field name of every event. */
    private static final List<String> LITERALS = literals();
    /** Names that look like secret names but hold none (a dataset's key columns, token counts). */
    private static final Set<String> NOT_SECRETS = Set.of("keyfields", "primarykey", "partitionkey", "sortkey", "keycolumns", "tokens",
            "tokencount", "max_tokens", "maxtokens", "num_tokens", "tokenizer", "key_columns");

    private SecretNames() {
    }

    /**
     * Verdicts on names already judged: events repeat the same few hundred field names, and judging one lower-cases
     * it and tests some fifty literals, for every field of every event. Bounded in count and name length, since
     * names come from clients; past the bound a name is judged afresh each time.
     */
    private static final Map<String, Boolean> VERDICTS = new ConcurrentHashMap<>();
    static final int REMEMBERED_AT_MOST = 10_000;
    private static final int REMEMBERED_LENGTH_AT_MOST = 128;

    public static boolean namesSecret(String name) {
        Boolean known = VERDICTS.get(name);
        if (known != null) {
            return known;
        }
        boolean verdict = judge(name);
        if (name.length() <= REMEMBERED_LENGTH_AT_MOST && VERDICTS.size() < REMEMBERED_AT_MOST) {
            VERDICTS.put(name, verdict);
        }
        return verdict;
    }

    private static boolean judge(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // The exceptions are asked only of a name that would otherwise be a secret: most names match nothing.
        if (lower.endsWith(".key")) {
            return !exempt(lower);
        }
        for (String literal : LITERALS) {
            if (lower.contains(literal)) {
                return !exempt(lower);
            }
        }
        return false;
    }

    /** Whether the (lower-case) name is one of those that only look like secret names. */
    static boolean exempt(String lower) {
        return NOT_SECRETS.contains(lower) || NOT_SECRETS.contains(lower.replace("-", "_").replace("_", ""));
    }

    private static String[] pair(String first, String second) {
        return new String[]{first, second};
    }

    private static List<String> literals() {
        List<String> all = new ArrayList<>(WORDS);
        for (String[] pair : PAIRS) {
            for (String between : new String[]{"", "_", ".", "-"}) {
                all.add(pair[0] + between + pair[1]);
            }
        }
        return List.copyOf(all);
    }
}
