package io.headwater.client;

/** OpenLineage's dataset naming: s3://bucket/key is ("s3://bucket", "key"); /a/b and file:/a/b are ("file", "/a/b"). */
final class DatasetNames {

    private DatasetNames() {
    }

    static String[] of(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme > 0) {
            String rest = uri.substring(scheme + 3);
            int slash = rest.indexOf('/');
            return slash < 0 ? new String[]{uri, "/"} : new String[]{uri.substring(0, scheme + 3) + rest.substring(0, slash), rest.substring(slash + 1)};
        }
        if (uri.startsWith("file:")) {
            return new String[]{"file", uri.substring(5)};
        }
        if (uri.startsWith("/")) {
            return new String[]{"file", uri};
        }
        throw new IllegalArgumentException(uri + " is not a dataset URI (scheme://authority/path or an absolute path)");
    }
}
