package io.headwater.query.impact;

import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DecisionView;
import io.headwater.query.errors.InvalidParameterException;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages through the decisions of several model versions in order, as one list. The cursor is
 * {@code <model version index>|<that version's own cursor>}: opaque to clients, but stable, so a page
 * asked for again answers the same.
 */
final class DecisionPaging {

    /** A model version's decisions from a cursor (null: from the start), at most limit of them. */
    @FunctionalInterface
    interface Pages {
        DecisionPage of(String modelVersionId, String cursor, int limit);
    }

    record Page(List<DecisionView> decisions, String nextCursor) {
    }

    private DecisionPaging() {
    }

    static Page page(List<String> modelVersions, String cursor, int limit, Pages pages) {
        int index = 0;
        String inner = null;
        if (cursor != null) {
            int bar = cursor.indexOf('.') >= 0 ? cursor.indexOf('.') : cursor.indexOf('|');
            try {
                index = Integer.parseInt(cursor.substring(0, bar));
            } catch (RuntimeException e) {
                throw new InvalidParameterException("cursor", "is not a cursor this API returned");
            }
            if (index < 0 || index > modelVersions.size()) {
                throw new InvalidParameterException("cursor", "is not a cursor this API returned");
            }
            inner = cursor.substring(bar + 1);
            inner = inner.isEmpty() ? null : inner;
        }
        List<DecisionView> page = new ArrayList<>();
        String next = null;
        while (index < modelVersions.size() && page.size() < limit) {
            DecisionPage part = pages.of(modelVersions.get(index), inner, limit - page.size());
            page.addAll(part.decisions());
            if (part.nextCursor() != null) {
                next = index + "." + part.nextCursor();
                break;
            }
            index++;
            inner = null;
            next = index < modelVersions.size() ? index + "." : null;
        }
        return new Page(page, next);
    }
}
