package io.headwater.query.impact;

import io.headwater.query.api.DecisionPage;
import io.headwater.query.api.DecisionView;
import io.headwater.query.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionPagingTest {

    /** Three model versions with 5, 0 and 3 decisions; each version pages by index as its own cursor. */
    private static final Map<String, List<String>> DECISIONS = Map.of(
            "model:a#1", List.of("a1", "a2", "a3", "a4", "a5"), "model:a#2", List.of(), "model:b#1", List.of("b1", "b2", "b3"));
    private static final List<String> VERSIONS = List.of("model:a#1", "model:a#2", "model:b#1");

    private static DecisionPage page(String version, String cursor, int limit) {
        List<String> all = DECISIONS.get(version);
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        List<DecisionView> views = IntStream.range(from, to).mapToObj(i -> view(all.get(i), version)).toList();
        return new DecisionPage(version, all.size(), views, to < all.size() ? String.valueOf(to) : null);
    }

    private static DecisionView view(String id, String version) {
        return new DecisionView(id, "m", "1", version, true, null, Instant.EPOCH, Instant.EPOCH, null, null, null, null, Map.of(), null, null);
    }

    @Test
    void followingTheCursorsVisitsEveryDecisionOnceInVersionOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            DecisionPaging.Page page = DecisionPaging.page(VERSIONS, cursor, 3, DecisionPagingTest::page);
            assertThat(page.decisions()).hasSizeLessThanOrEqualTo(3);
            page.decisions().forEach(d -> seen.add(d.decisionId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly("a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3");
        assertThat(pages).isLessThanOrEqualTo(4);
    }

    @Test
    void aPageAskedForAgainAnswersTheSame() {
        String cursor = DecisionPaging.page(VERSIONS, null, 4, DecisionPagingTest::page).nextCursor();
        assertThat(DecisionPaging.page(VERSIONS, cursor, 4, DecisionPagingTest::page))
                .isEqualTo(DecisionPaging.page(VERSIONS, cursor, 4, DecisionPagingTest::page));
        assertThat(cursor).as("goes into a query string as it is").matches("[A-Za-z0-9._~-]+");
    }

    @Test
    void aCursorThisApiNeverGaveIsRefusedNamingTheParameter() {
        for (String bad : List.of("x|1", "nobar", "-1|", "99|", "x.1", "99.")) {
            assertThatThrownBy(() -> DecisionPaging.page(VERSIONS, bad, 3, DecisionPagingTest::page)).as(bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
        }
    }

    @Test
    void noVersionsIsAnEmptyLastPage() {
        DecisionPaging.Page page = DecisionPaging.page(List.of(), null, 3, DecisionPagingTest::page);
        assertThat(page.decisions()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }
}
