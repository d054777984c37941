package io.headwater.contract.access;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names name a secret (a field, a Spark property, an environment variable, a query parameter): one
 * rule for ingest's redaction of stored facts and for the access audit's masking of query parameters.
 */
public final class SecretNames {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|credential|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|"
                    + "connection[_.-]?string|sas[_.-]?key|account[_.-]?key|auth[_.-]?key|signing[_.-]?key|session[_.-]?key|"
                    + "\\.key$|aws_secret|aws_session|google_application_credentials|azure_client_secret|azure_storage_key).*");
    /** Names that look like secret names but hold none (a dataset's key columns, token counts). */
    private static final Set<String> NOT_SECRETS = Set.of("keyfields", "primarykey", "partitionkey", "sortkey", "keycolumns", "tokens",
            "tokencount", "max_tokens", "maxtokens", "num_tokens", "tokenizer", "key_columns");

    private SecretNames() {
    }

    public static boolean namesSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_SECRETS.contains(lower.replace("-", "_").replace("_", "")) && !NOT_SECRETS.contains(lower) && SECRET_NAME.matcher(name).matches();
    }
}
